/* Draws a fund's contributions chart (called and paid by member) from the data attributes the
   server rendered. Amounts arrive in minor units and are shown in major units; the chart is
   display only, every figure in the tables comes from the server. Sets data-points on the
   chart element once drawn, so that tests can see it rendered data. */
(function () {
  "use strict";
  var COLOURS = { called: "#9fb7d6", paid: "#1c4f8c" };

  function draw(el) {
    var data = JSON.parse(el.getAttribute("data-chart"));
    var labels = JSON.parse(el.getAttribute("data-labels"));
    var scale = Math.pow(10, data.minorDigits);
    var number = new Intl.NumberFormat(labels.locale, {
      minimumFractionDigits: data.minorDigits, maximumFractionDigits: data.minorDigits });
    function major(values) { return values.map(function (v) { return v / scale; }); }
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      grid: { left: 88, right: 16, top: 40, bottom: 72 },
      legend: { top: 0, data: [labels.called, labels.paid] },
      tooltip: {
        trigger: "axis", axisPointer: { type: "shadow" },
        valueFormatter: function (v) { return number.format(v) + " " + data.currency; }
      },
      xAxis: { type: "category", data: data.members, axisLabel: { interval: 0, rotate: 45 } },
      yAxis: { type: "value", name: data.currency },
      series: [
        { name: labels.called, type: "bar", data: major(data.called), itemStyle: { color: COLOURS.called } },
        { name: labels.paid, type: "bar", data: major(data.paid), itemStyle: { color: COLOURS.paid } }
      ]
    });
    var points = 0;
    data.called.concat(data.paid).forEach(function (v) { if (v > 0) points++; });
    el.setAttribute("data-points", String(points));
    window.addEventListener("resize", function () { chart.resize(); });
  }

  document.querySelectorAll("#contributions-chart[data-chart]").forEach(draw);
})();

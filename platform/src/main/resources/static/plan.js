/* Draws a plan's chart: units arriving per week, stacked by priority. Sets data-points when drawn. */
(function () {
  "use strict";
  var COLOURS = ["#b3261e", "#e8710a", "#c99a06", "#2f6fbf", "#7b8794"];
  document.querySelectorAll("[data-plan-chart]").forEach(function (el) {
    var data = JSON.parse(el.getAttribute("data-plan-chart"));
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      grid: { left: 72, right: 16, top: 40, bottom: 56 },
      legend: { top: 0 },
      tooltip: { trigger: "axis", axisPointer: { type: "shadow" } },
      xAxis: { type: "category", data: data.weeks },
      yAxis: { type: "value", name: el.getAttribute("data-units") },
      series: data.series.map(function (values, p) {
        return { name: "P" + (p + 1), type: "bar", stack: "arrivals", data: values, itemStyle: { color: COLOURS[p] } };
      })
    });
    var points = 0;
    data.series.forEach(function (s) { s.forEach(function (v) { if (v > 0) points++; }); });
    el.setAttribute("data-points", String(points));
    window.addEventListener("resize", function () { chart.resize(); });
  });
})();

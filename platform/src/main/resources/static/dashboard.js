/* Draws the dashboard's coverage chart from the data attributes the server rendered.
   Sets data-points on the chart element once drawn, so that tests can see it rendered data. */
(function () {
  "use strict";
  var COLOURS = { P1: "#b3261e", P2: "#e8710a", P3: "#c99a06", P4: "#2f6fbf", P5: "#7b8794" };
  var OPACITY = { asked: 0.28, covered: 0.62, delivered: 1 };

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  function draw(el) {
    var data = JSON.parse(el.getAttribute("data-chart"));
    var labels = JSON.parse(el.getAttribute("data-labels"));
    var number = new Intl.NumberFormat(labels.locale);
    // Categories count in different units (rounds, litres, vehicles): each bar is a share of
    // what its category asked, so that every category is readable on one axis.
    var asked = data.categories.map(function (_, c) {
      return data.series.filter(function (s) { return s.measure === "asked"; })
        .reduce(function (sum, s) { return sum + s.values[c]; }, 0);
    });
    var series = data.series.map(function (s) {
      return {
        name: s.priority, type: "bar", stack: s.measure, barMaxWidth: 26,
        data: s.values.map(function (v, c) { return asked[c] > 0 ? Math.round(1000 * v / asked[c]) / 10 : 0; }),
        itemStyle: { color: COLOURS[s.priority], opacity: OPACITY[s.measure] },
        emphasis: { focus: "series" }
      };
    });
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      grid: { left: 64, right: 16, top: 40, bottom: 56 },
      legend: { top: 0, data: ["P1", "P2", "P3", "P4", "P5"], itemStyle: { opacity: 1 } },
      tooltip: {
        trigger: "axis", axisPointer: { type: "shadow" },
        formatter: function (params) {
          if (!params.length) return "";
          var rows = {};
          params.forEach(function (p) {
            var measure = data.series[p.seriesIndex].measure;
            rows[measure] = rows[measure] || [];
            var units = data.series[p.seriesIndex].values[p.dataIndex];
            if (units > 0) rows[measure].push(p.marker + escapeHtml(p.seriesName) + " " + number.format(units));
          });
          var html = "<b>" + escapeHtml(params[0].axisValueLabel) + "</b>";
          ["asked", "covered", "delivered"].forEach(function (m) {
            if (rows[m] && rows[m].length) html += "<br>" + escapeHtml(labels.measures[m]) + ": " + rows[m].join(" · ");
          });
          return html;
        }
      },
      xAxis: {
        type: "category",
        data: data.categories.map(function (c) { return labels.categories[c] || c; }),
        axisLabel: { interval: 0, hideOverlap: true }
      },
      yAxis: { type: "value", name: labels.units, max: 100, axisLabel: { formatter: "{value} %" } },
      series: series
    });
    var points = 0;
    data.series.forEach(function (s) { s.values.forEach(function (v) { if (v > 0) points++; }); });
    el.setAttribute("data-points", String(points));
    window.addEventListener("resize", function () { chart.resize(); });
  }

  document.querySelectorAll("[data-chart]").forEach(draw);
})();

/* Draws the order book's week-by-item heat map from the data attributes the server rendered:
   colour is utilisation (reserved share of capacity); the tooltip gives capacity, reserved and
   free units. Sets data-points on the chart element once drawn, so that tests can see it rendered data. */
(function () {
  "use strict";

  function escapeHtml(text) {
    return String(text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }[c];
    });
  }

  function draw(el) {
    var data = JSON.parse(el.getAttribute("data-heatmap"));
    var labels = JSON.parse(el.getAttribute("data-labels"));
    var number = new Intl.NumberFormat(labels.locale);
    var chart = echarts.init(el, null, { renderer: "canvas" });
    chart.setOption({
      animation: false,
      grid: { left: 220, right: 24, top: 16, bottom: 84 },
      tooltip: {
        position: "top",
        formatter: function (p) {
          var c = data.cells[p.dataIndex];
          return "<b>" + escapeHtml(data.itemNames[c.y]) + "</b> · " + escapeHtml(data.weeks[c.x]) +
            "<br>" + escapeHtml(labels.utilisation) + ": " + c.utilisation + " %" +
            "<br>" + escapeHtml(labels.capacity) + ": " + number.format(c.capacity) +
            "<br>" + escapeHtml(labels.reserved) + ": " + number.format(c.reserved) +
            "<br>" + escapeHtml(labels.free) + ": " + number.format(c.free);
        }
      },
      xAxis: { type: "category", data: data.weeks, name: labels.week, nameLocation: "middle", nameGap: 56,
               splitArea: { show: true }, axisLabel: { rotate: 45 } },
      yAxis: { type: "category", data: data.itemNames, splitArea: { show: true },
               axisLabel: { width: 200, overflow: "truncate" } },
      visualMap: {
        min: 0, max: 100, calculable: true, orient: "horizontal", right: 24, bottom: 0,
        text: ["100 %", labels.utilisation + " 0 %"],
        inRange: { color: ["#e3f2e6", "#f6d365", "#e8710a", "#b3261e"] }
      },
      series: [{
        type: "heatmap",
        data: data.cells.map(function (c) { return [c.x, c.y, c.utilisation]; }),
        emphasis: { itemStyle: { shadowBlur: 6, shadowColor: "rgba(0,0,0,.3)" } }
      }]
    });
    el.setAttribute("data-points", String(data.cells.length));
    window.addEventListener("resize", function () { chart.resize(); });
  }

  document.querySelectorAll("[data-heatmap]").forEach(draw);
})();

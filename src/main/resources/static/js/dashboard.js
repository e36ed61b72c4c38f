// Draws the dashboard's charts from the tables beside them (data-* attributes), so the chart and
// the table show the same numbers and no data or script sits inline in the page.
(function () {
  'use strict';
  if (typeof echarts === 'undefined') {
    return;
  }
  var RED = '#dc3545';
  var GREY = '#6c757d';
  var GREEN = '#198754';

  function rows(tableId) {
    var table = document.getElementById(tableId);
    return table ? Array.prototype.slice.call(table.querySelectorAll('tbody tr[data-received]')) : [];
  }

  function number(row, name) {
    return Number(row.getAttribute('data-' + name)) || 0;
  }

  function draw(element, option) {
    var chart = echarts.init(element, null, { renderer: 'canvas' });
    chart.setOption(option);
    window.addEventListener('resize', function () { chart.resize(); });
  }

  // tooltips drawn on the canvas: an HTML tooltip would carry style attributes the policy refuses
  var tooltip = { trigger: 'axis', renderMode: 'richText' };

  var trend = document.querySelector('[data-chart="trend"]');
  if (trend) {
    var months = rows(trend.getAttribute('data-table'));
    draw(trend, {
      animation: false,
      color: [RED, GREEN],
      tooltip: tooltip,
      legend: { data: [trend.getAttribute('data-received'), trend.getAttribute('data-closed')], top: 0 },
      grid: { left: 40, right: 16, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: months.map(function (r) { return r.getAttribute('data-month'); }) },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        { name: trend.getAttribute('data-received'), type: 'line', smooth: true,
          data: months.map(function (r) { return number(r, 'received'); }) },
        { name: trend.getAttribute('data-closed'), type: 'line', smooth: true,
          data: months.map(function (r) { return number(r, 'closed'); }) }
      ]
    });
  }

  var categories = document.querySelector('[data-chart="categories"]');
  if (categories) {
    var list = rows(categories.getAttribute('data-table')).slice().reverse();
    draw(categories, {
      animation: false,
      color: [RED, GREY],
      tooltip: tooltip,
      legend: { data: [categories.getAttribute('data-received'), categories.getAttribute('data-previous')], top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: list.map(function (r) { return r.getAttribute('data-name'); }) },
      series: [
        { name: categories.getAttribute('data-received'), type: 'bar',
          data: list.map(function (r) { return number(r, 'received'); }) },
        { name: categories.getAttribute('data-previous'), type: 'bar',
          data: list.map(function (r) { return number(r, 'previous'); }) }
      ]
    });
  }
}());

// A line chart of figures over time in plain SVG, built with DOM calls only: claimants' names come
// from feeds and are set with textContent. One <g class="series"> per series, coloured by its place in
// the list (classes c0..c7 in console.css), and a legend naming each.
'use strict';

window.watchfloorChart = (function () {
  const SVG = 'http://www.w3.org/2000/svg';
  const W = 720;
  const H = 280;
  const PAD = { left: 64, right: 16, top: 12, bottom: 28 };

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG, tag);
    Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, String(value)));
    if (text !== undefined) node.textContent = String(text);
    return node;
  }

  function scale(from, to, min, max) {
    const span = max - min || 1;
    return (value) => from + ((value - min) / span) * (to - from);
  }

  // series: [{claimant, measure, points: [{at, count}]}]; returns a <figure> with the chart and legend.
  return function chart(series) {
    const figure = document.createElement('figure');
    figure.className = 'chart';
    const all = series.flatMap((s) => s.points);
    const times = all.map((p) => Date.parse(p.at));
    const counts = all.map((p) => p.count);
    const t0 = Math.min(...times);
    const t1 = Math.max(...times);
    const top = Math.max(...counts, 1);
    const x = scale(PAD.left, W - PAD.right, t0, t1);
    const y = scale(H - PAD.bottom, PAD.top, 0, top);
    const root = svg('svg', { viewBox: '0 0 ' + W + ' ' + H, role: 'img', 'aria-label': 'figures over time' });
    root.append(svg('line', { class: 'axis', x1: PAD.left, y1: H - PAD.bottom, x2: W - PAD.right, y2: H - PAD.bottom }),
      svg('line', { class: 'axis', x1: PAD.left, y1: PAD.top, x2: PAD.left, y2: H - PAD.bottom }),
      svg('text', { class: 'tick', x: PAD.left - 6, y: PAD.top + 10, 'text-anchor': 'end' }, top.toLocaleString('en')),
      svg('text', { class: 'tick', x: PAD.left - 6, y: H - PAD.bottom, 'text-anchor': 'end' }, '0'),
      svg('text', { class: 'tick', x: PAD.left, y: H - 8 }, new Date(t0).toISOString().slice(0, 16).replace('T', ' ')),
      svg('text', { class: 'tick', x: W - PAD.right, y: H - 8, 'text-anchor': 'end' },
        new Date(t1).toISOString().slice(0, 16).replace('T', ' ')));
    const legend = document.createElement('ul');
    legend.className = 'legend';
    series.forEach((s, i) => {
      const colour = 'c' + (i % 8);
      const group = svg('g', { class: 'series ' + colour });
      group.dataset.claimant = s.claimant;
      group.dataset.measure = s.measure;
      const xy = s.points.map((p) => [x(Date.parse(p.at)), y(p.count)]);
      if (xy.length > 1) group.append(svg('polyline', { points: xy.map((q) => q.join(',')).join(' ') }));
      s.points.forEach((p, j) => {
        const dot = svg('circle', { cx: xy[j][0], cy: xy[j][1], r: 4 });
        dot.append(svg('title', {}, s.claimant + ': ' + p.count.toLocaleString('en') + ' ' + s.measure + ' · ' + p.at));
        group.append(dot);
      });
      root.append(group);
      const item = document.createElement('li');
      const swatch = document.createElement('span');
      swatch.className = 'swatch ' + colour;
      item.append(swatch, document.createTextNode(s.claimant + ' — ' + s.measure));
      legend.append(item);
    });
    figure.append(root, legend);
    return figure;
  };
}());

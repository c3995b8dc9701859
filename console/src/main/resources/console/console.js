// The live board. Feed text is untrusted: everything from the API is put on the page with
// textContent, never as markup. The page holds one row per story, keeps the newer of two copies of a
// row (by version), and refetches the board whenever its event stream (re)connects, so nothing raised
// while it was away is missed.
'use strict';

(function () {
  const rows = new Map();
  const pending = [];
  let loaded = false;

  const $ = (id) => document.getElementById(id);
  const board = $('board');
  const filters = { topic: $('filter-topic'), severity: $('filter-severity'), acked: $('filter-acked') };
  const who = $('who');

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function time(iso) {
    return iso ? iso.replace('T', ' ').replace(/:\d\d(\.\d+)?Z$/, 'Z') : '';
  }

  function upsert(row) {
    const old = rows.get(row.storyId);
    if (old && old.version >= row.version) return false;
    rows.set(row.storyId, row);
    return true;
  }

  function setStatus(text, live) {
    $('status').textContent = text;
    $('status').classList.toggle('live', live);
  }

  function say(text) {
    $('message').textContent = text;
    $('message').hidden = !text;
  }

  function visible(row) {
    const topic = filters.topic.value;
    const severity = filters.severity.value;
    const acked = filters.acked.value;
    return (!topic || row.topics.some((t) => t.id === topic))
      && (!severity || row.severity === severity)
      && (!acked || String(Boolean(row.ack)) === acked);
  }

  function renderTopicOptions() {
    const names = new Map();
    rows.forEach((row) => row.topics.forEach((t) => names.set(t.id, t.name)));
    const chosen = filters.topic.value;
    while (filters.topic.options.length > 1) filters.topic.remove(1);
    [...names.keys()].sort().forEach((id) => {
      const option = el('option', null, names.get(id));
      option.value = id;
      filters.topic.add(option);
    });
    filters.topic.value = names.has(chosen) ? chosen : '';
  }

  function renderRow(row) {
    const li = el('li', 'row sev-' + row.severity + (row.ack ? ' acked' : ''));
    li.dataset.story = row.storyId;
    const meta = el('div', 'meta');
    meta.append(el('span', 'severity', row.severity), el('span', 'kind', row.kind),
      el('span', 'updated', 'updated ' + time(row.updatedAt)));
    const headline = el('h2', 'headline');
    const open = el('a', null, row.headline || row.storyId);
    open.href = '#story=' + encodeURIComponent(row.storyId);
    headline.append(open);
    li.append(meta, headline);
    li.append(topicLinks(row.topics));
    if (row.kind === 'UPDATE' && row.facts.length) {
      li.append(el('p', 'whatsnew', 'New in update ' + row.updates + ': ' + row.facts.join('; ')));
    }
    li.append(el('p', 'details', 'first seen ' + time(row.firstSeen) + ' · sources ' + row.sourceCount
      + ' · story ' + row.storyId));
    const ack = el('div', 'ack');
    if (row.ack) {
      ack.append(el('span', 'acked-by', 'Acknowledged by ' + row.ack.by + ' at ' + time(row.ack.at)));
    } else {
      const button = el('button', 'ack-button', 'Acknowledge');
      button.type = 'button';
      button.addEventListener('click', () => acknowledge(row.storyId, button));
      ack.append(button);
    }
    li.append(ack);
    return li;
  }

  function link(url, text) {
    // Only web addresses become links: a feed's "javascript:" link stays text.
    if (!/^https?:\/\//i.test(url || '')) return el('span', null, text);
    const a = el('a', null, text);
    a.href = url;
    a.rel = 'noopener noreferrer';
    return a;
  }

  function topicLinks(labels) {
    const topics = el('div', 'topics');
    labels.forEach((t) => {
      const a = el('a', 'topic', t.name);
      a.href = '#timeline=' + encodeURIComponent(t.id);
      a.title = 'Timeline of ' + t.name;
      topics.append(a);
    });
    return topics;
  }

  function opened(view) {
    const match = new RegExp('^#' + view + '=(.+)$').exec(location.hash);
    return match ? decodeURIComponent(match[1]) : null;
  }

  function openStory() {
    return opened('story');
  }

  function backLink() {
    const back = el('a', 'back', '← Board');
    back.href = '#';
    return back;
  }

  function renderTimeline(timeline) {
    const view = $('timeline');
    const developments = el('ol', 'developments');
    timeline.developments.forEach((d) => {
      const li = el('li', 'development sev-' + d.severity);
      const open = el('a', null, d.headline || d.storyId);
      open.href = '#story=' + encodeURIComponent(d.storyId);
      li.append(el('div', 'when', time(d.at) + ' · ' + d.kind + ' · ' + d.severity), open);
      developments.append(li);
    });
    const figures = timeline.series.length ? window.watchfloorChart(timeline.series)
      : el('p', 'empty', 'No troop or casualty figures reported in this topic\'s stories yet.');
    view.dataset.topic = timeline.topic.id;
    view.replaceChildren(backLink(), el('h2', null, 'Timeline: ' + timeline.topic.name),
      el('h3', null, 'Figures reported, by claimant'), figures, el('h3', null, 'Developments'), developments);
  }

  function renderStory(story) {
    const row = story.row;
    const view = $('story');
    const back = backLink();
    const meta = el('div', 'meta');
    meta.append(el('span', 'severity', row.severity), el('span', 'kind', row.kind),
      el('span', null, 'first seen ' + time(row.firstSeen) + ' · sources ' + row.sourceCount));
    const topics = topicLinks(row.topics);
    const developments = el('ol', 'developments');
    story.alerts.forEach((alert) => {
      const li = el('li', 'development');
      li.append(el('div', 'when', time(alert.emittedAt) + ' · ' + alert.kind + ' · ' + (alert.topicName || alert.topic)),
        el('p', 'reason', alert.reason));
      if (alert.facts && alert.facts.length) li.append(el('p', 'whatsnew', 'New: ' + alert.facts.join('; ')));
      developments.append(li);
    });
    const evidence = el('ul', 'evidence');
    row.evidence.forEach((sentence) => evidence.append(el('li', null, sentence)));
    const sources = el('ul', 'sources');
    row.items.forEach((item) => {
      const li = el('li');
      li.append(link(item.link, item.source || item.link || item.id), el('span', 'when', ' · ' + time(item.published)));
      sources.append(li);
    });
    const actors = el('ul', 'actors');
    story.actors.forEach((actor) => {
      const li = el('li', null, actor.name + ' (' + actor.kind + ')');
      if (/^Q[1-9][0-9]*$/.test(actor.wikidata || '')) {
        li.append(' · ', link('https://www.wikidata.org/wiki/' + actor.wikidata, actor.wikidata));
      }
      actors.append(li);
    });
    const figures = el('ul', 'figures');
    story.figures.forEach((item) => {
      const said = (f, what) => f.count.toLocaleString('en') + ' ' + what + (f.actor ? ' (' + f.actor + ')' : '')
        + (f.location ? ' in ' + f.location : '') + ' · claimed by ' + (f.claimedBy || 'nobody named')
        + ' · ' + time(item.at);
      item.troops.forEach((f) => figures.append(el('li', null, said(f, 'troops'))));
      item.casualties.forEach((f) => figures.append(el('li', null, said(f, f.kind))));
    });
    view.className = 'story sev-' + row.severity;
    view.dataset.story = row.storyId;
    view.replaceChildren(back, meta, el('h2', 'headline', row.headline || row.storyId), topics,
      el('h3', null, 'Developments'), developments, el('h3', null, 'Evidence'), evidence,
      el('h3', null, 'Sources'), sources, el('h3', null, 'Actors'), actors, el('h3', null, 'Figures'), figures,
      el('p', 'ack', row.ack ? 'Acknowledged by ' + row.ack.by + ' at ' + time(row.ack.at) : 'Not acknowledged'));
  }

  function show(path, render, what) {
    fetch(path, { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
        return response.json();
      })
      .then(render)
      .catch((error) => say('Cannot load the ' + what + ': ' + error.message));
  }

  function renderResults(page) {
    const list = el('ol', 'board');
    page.rows.forEach((row) => list.append(renderRow(row)));
    $('results').replaceChildren(backLink(), el('h2', null, 'Search: ' + page.total + ' stor'
      + (page.total === 1 ? 'y' : 'ies') + (page.total > page.rows.length ? ', newest ' + page.rows.length : '')),
    list);
  }

  function renderFeeds(feeds) {
    const table = el('table', 'feed-table');
    const head = el('tr');
    ['Feed', 'State', 'Last success', 'Failures in a row', 'Last error', 'Next poll']
      .forEach((title) => head.append(el('th', null, title)));
    table.append(head);
    feeds.forEach((feed) => {
      const tr = el('tr', 'feed ' + feed.state);
      tr.dataset.url = feed.url;
      tr.append(el('td', 'url', feed.url), el('td', 'state', feed.state), el('td', null, time(feed.lastSuccess) || 'never'),
        el('td', null, feed.consecutiveFailures),
        el('td', 'error', feed.lastError ? (feed.lastErrorKind ? feed.lastErrorKind + ': ' : '') + feed.lastError : ''),
        el('td', null, time(feed.nextPoll)));
      table.append(tr);
    });
    const unhealthy = feeds.filter((feed) => feed.unhealthy).length;
    $('feeds').replaceChildren(backLink(), el('h2', null, 'Feeds: ' + feeds.length + ', ' + unhealthy + ' unhealthy'),
      feeds.length ? table : el('p', 'empty', 'No feed has been polled yet.'));
  }

  function search(event) {
    event.preventDefault();
    const query = new URLSearchParams();
    [['q', 'search-q'], ['actor', 'search-actor'], ['topic', 'filter-topic'], ['from', 'search-from'],
      ['to', 'search-to']].forEach(([name, id]) => {
      if ($(id).value.trim()) query.set(name, $(id).value.trim());
    });
    location.hash = '#search=' + encodeURIComponent(query.toString());
  }

  function route() {
    const id = openStory();
    const topic = opened('timeline');
    const query = opened('search');
    const feeds = opened('feeds');
    const away = Boolean(id || topic || feeds || query !== null);
    $('story').hidden = !id;
    $('timeline').hidden = !topic;
    $('results').hidden = query === null;
    $('feeds').hidden = !feeds;
    board.hidden = away;
    $('empty').hidden = away || board.children.length > 0;
    if (id) show('/api/stories/' + encodeURIComponent(id), renderStory, 'story');
    if (topic) show('/api/topics/' + encodeURIComponent(topic) + '/timeline', renderTimeline, 'timeline');
    if (feeds) show('/api/feeds', renderFeeds, 'feeds');
    if (query !== null) show('/api/search?limit=200&' + query, renderResults, 'search');
  }

  function render() {
    renderTopicOptions();
    const shown = [...rows.values()].filter(visible).sort((a, b) =>
      (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : a.storyId.localeCompare(b.storyId)));
    board.replaceChildren(...shown.map(renderRow));
    $('empty').hidden = shown.length > 0 || Boolean(openStory() || opened('timeline') || opened('feeds') || opened('search') !== null);
  }

  function acknowledge(storyId, button) {
    const name = who.value.trim();
    if (!name) {
      say('Enter your name under "You are" to acknowledge.');
      who.focus();
      return;
    }
    say('');
    button.disabled = true;
    fetch('/api/acks', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'Content-Type': 'application/json', 'X-Watchfloor-Request': 'ack' },
      body: JSON.stringify({ storyId: storyId, by: name }),
    }).then((response) => {
      if (!response.ok) {
        return response.text().then((text) => { throw new Error(response.status + ' ' + text); });
      }
      return null;
    }).catch((error) => {
      button.disabled = false;
      say('Not acknowledged: ' + error.message);
    });
  }

  function load() {
    return fetch('/api/alerts?limit=1000', { credentials: 'same-origin' })
      .then((response) => {
        if (!response.ok) throw new Error(response.status + ' ' + response.statusText);
        return response.json();
      })
      .then((page) => {
        page.rows.forEach(upsert);
        pending.splice(0).forEach(upsert);
        loaded = true;
        render();
        document.body.dataset.state = 'live';
      })
      .catch((error) => say('Cannot load the board: ' + error.message));
  }

  function onRow(event) {
    const row = JSON.parse(event.data);
    if (!loaded) {
      pending.push(row);
    } else if (upsert(row)) {
      render();
      if (openStory() === row.storyId) route();
    }
  }

  who.value = localStorage.getItem('watchfloor.who') || '';
  who.addEventListener('change', () => localStorage.setItem('watchfloor.who', who.value.trim()));
  Object.values(filters).forEach((select) => select.addEventListener('change', render));
  $('search-form').addEventListener('submit', search);
  window.addEventListener('hashchange', route);
  route();

  const stream = new EventSource('/api/stream');
  stream.addEventListener('story', onRow);
  stream.addEventListener('ack', onRow);
  stream.addEventListener('open', () => {
    setStatus('live', true);
    loaded = false;
    load();
  });
  stream.addEventListener('error', () => {
    setStatus('reconnecting…', false);
    document.body.dataset.state = 'reconnecting';
  });
}());

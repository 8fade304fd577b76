"use strict";
// The entity overview. kg lays the graph out when it writes the page, so the page only
// draws: on a 2D canvas, edges batched by width, nodes smallest first. vis-network
// (the article graph's renderer) spent seconds creating an object per node and edge,
// and again on every filter; a frame of 10,000 nodes here takes a tenth of a second.
// Every string from the input is put in place with textContent; links are http(s) only.
(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const entities = data.nodes;
  const size = entities.length;
  const periods = data.periods;
  const undated = periods.length;
  const PAGE = 10;
  const EDGE_WIDTHS = [0.5, 0.8, 1.1, 1.5, 2, 2.6];
  const SYMBOLS = { star: "★", dot: "●", hexagon: "⬢", triangle: "▲", diamond: "◆", square: "■" };
  const safeUrl = (url) => (/^https?:\/\//i.test(url) ? url : null);

  // ---------------------------------------------------------------- state
  const X = new Float64Array(size), Y = new Float64Array(size);
  const counts = new Int32Array(size), hidden = new Uint8Array(size);
  const shapes = [], colours = [], borders = [];
  entities.forEach((entity, id) => {
    X[id] = entity.x;
    Y[id] = entity.y;
    counts[id] = entity.count;
    shapes.push(data.types[entity.type].shape);
    colours.push(data.communities[entity.community].color);
  });
  const darker = (hex) => {
    const value = parseInt(hex.slice(1), 16);
    const part = (shift) => Math.round(((value >> shift) & 255) * 0.6);
    return "rgb(" + part(16) + "," + part(8) + "," + part(0) + ")";
  };
  for (const colour of colours) borders.push(darker(colour));
  const edgeCount = data.edges.length;
  const from = new Int32Array(edgeCount), to = new Int32Array(edgeCount), weights = new Int32Array(edgeCount);
  const typed = new Uint8Array(edgeCount);
  const ties = Array.from({ length: size }, () => []);
  data.edges.forEach((edge, id) => {
    from[id] = edge[0];
    to[id] = edge[1];
    weights[id] = edge[2];
    typed[id] = edge[4].length ? 1 : 0;
    ties[edge[0]].push(id);
    ties[edge[1]].push(id);
  });
  // Sizes and widths keep the whole span's scale, so a period's counts compare with it.
  const maxCount = Math.max(1, size ? entities[0].count : 1);
  const maxWeight = Math.max(1, weights.reduce((a, b) => Math.max(a, b), 0));
  // Entities come most mentioned first: drawing order is the reverse (big ones on top).
  const drawOrder = Array.from({ length: size }, (_, id) => size - 1 - id);
  let selected = -1;
  const hiddenTypes = new Set();

  // ---------------------------------------------------------------- period
  let low = 0;
  let high = Math.max(periods.length - 1, 0);
  const whole = () => low === 0 && high === Math.max(periods.length - 1, 0);
  const inPeriod = (bucket) => (bucket === undated ? whole() : bucket >= low && bucket <= high);
  function total(histogram) {
    let sum = 0;
    for (let at = 0; at < histogram.length; at += 2) if (inPeriod(histogram[at])) sum += histogram[at + 1];
    return sum;
  }

  // ---------------------------------------------------------------- view
  const container = document.getElementById("kg-network");
  const canvas = document.createElement("canvas");
  canvas.setAttribute("aria-label", "entity overview; select an entity with a click or the search box");
  canvas.tabIndex = 0;
  container.appendChild(canvas);
  const context = canvas.getContext("2d");
  const tip = document.createElement("div");
  tip.className = "kg-tip";
  tip.hidden = true;
  container.appendChild(tip);
  let width = 0, height = 0, ratio = 1;
  const view = { x: 0, y: 0, scale: 1, fitScale: 1 };

  function resize() {
    ratio = window.devicePixelRatio || 1;
    width = container.clientWidth;
    height = container.clientHeight;
    canvas.width = Math.max(1, Math.round(width * ratio));
    canvas.height = Math.max(1, Math.round(height * ratio));
    canvas.style.width = width + "px";
    canvas.style.height = height + "px";
  }
  function fit() {
    let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
    for (let id = 0; id < size; id++) {
      if (hidden[id]) continue;
      minX = Math.min(minX, X[id]); maxX = Math.max(maxX, X[id]);
      minY = Math.min(minY, Y[id]); maxY = Math.max(maxY, Y[id]);
    }
    if (minX === Infinity) { minX = maxX = minY = maxY = 0; }
    view.x = (minX + maxX) / 2;
    view.y = (minY + maxY) / 2;
    view.scale = Math.min((width - 160) / Math.max(maxX - minX, 1), (height - 80) / Math.max(maxY - minY, 1), 2);
    view.fitScale = view.scale;
  }
  const screenX = (id) => (X[id] - view.x) * view.scale + width / 2;
  const screenY = (id) => (Y[id] - view.y) * view.scale + height / 2;
  // On screen, a node's area grows with its articles, and its size with the zoom (slowly).
  const zoomFactor = () => Math.min(Math.pow(view.scale / view.fitScale, 0.3), 4);
  const radius = (id) => (2 + 16 * Math.sqrt(counts[id] / maxCount)) * zoomFactor();

  function shapePath(shape, x, y, r) {
    if (shape === "dot") {
      context.moveTo(x + r, y);
      context.arc(x, y, r, 0, 2 * Math.PI);
      return;
    }
    const corners = { triangle: 3, diamond: 4, square: 4, hexagon: 6, star: 10 }[shape] || 4;
    const turn = shape === "square" ? Math.PI / 4 : -Math.PI / 2;
    for (let corner = 0; corner < corners; corner++) {
      const angle = turn + (corner * 2 * Math.PI) / corners;
      const reach = shape === "star" && corner % 2 ? r * 0.45 : shape === "triangle" ? r * 1.25 : r * 1.1;
      const px = x + reach * Math.cos(angle), py = y + reach * Math.sin(angle);
      if (corner === 0) context.moveTo(px, py); else context.lineTo(px, py);
    }
    context.closePath();
  }

  const widthClass = (weight) =>
    Math.min(EDGE_WIDTHS.length - 1, Math.floor(EDGE_WIDTHS.length * Math.sqrt(weight / maxWeight)));
  const edgeShown = (edge) => !hidden[from[edge]] && !hidden[to[edge]] && (weights[edge] > 0 || (typed[edge] && whole()));
  const widths = new Float32Array(size).fill(-1);
  const strongestTies = (id, limit) =>
    ties[id].filter(edgeShown).sort((a, b) => weights[b] - weights[a] || a - b).slice(0, limit);

  let drawMilliseconds = 0;
  function draw() {
    const began = performance.now();
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, width, height);
    const sx = new Float32Array(size), sy = new Float32Array(size);
    for (let id = 0; id < size; id++) { sx[id] = screenX(id); sy[id] = screenY(id); }
    // Edges: one path per kind (plain, typed) and width class.
    const groups = Array.from({ length: 2 * EDGE_WIDTHS.length }, () => []);
    for (let edge = 0; edge < edgeCount; edge++) {
      if (!edgeShown(edge)) continue;
      const a = from[edge], b = to[edge];
      if ((sx[a] < 0 && sx[b] < 0) || (sx[a] > width && sx[b] > width) || (sy[a] < 0 && sy[b] < 0) || (sy[a] > height && sy[b] > height)) continue;
      groups[typed[edge] * EDGE_WIDTHS.length + widthClass(weights[edge])].push(edge);
    }
    groups.forEach((group, number) => {
      if (!group.length) return;
      context.beginPath();
      for (const edge of group) {
        context.moveTo(sx[from[edge]], sy[from[edge]]);
        context.lineTo(sx[to[edge]], sy[to[edge]]);
      }
      // Thin lines: a software rasterizer (Chromium without a GPU) is slow with wide ones.
      context.lineWidth = EDGE_WIDTHS[number % EDGE_WIDTHS.length];
      context.strokeStyle = number >= EDGE_WIDTHS.length ? "rgba(156,66,33,0.4)" : "rgba(98,125,152,0.3)";
      context.stroke();
    });
    if (selected >= 0) {
      context.beginPath();
      for (const edge of strongestTies(selected, 200)) {
        context.moveTo(sx[from[edge]], sy[from[edge]]);
        context.lineTo(sx[to[edge]], sy[to[edge]]);
      }
      context.lineWidth = 1.2;
      context.strokeStyle = "rgba(16,42,67,0.75)";
      context.stroke();
    }
    // Nodes: the least mentioned first, so the big ones are drawn on top.
    context.lineWidth = 1;
    for (const id of drawOrder) {
      if (hidden[id]) continue;
      const r = radius(id);
      if (sx[id] < -r || sx[id] > width + r || sy[id] < -r || sy[id] > height + r) continue;
      context.beginPath();
      shapePath(shapes[id], sx[id], sy[id], r);
      context.fillStyle = colours[id];
      context.fill();
      if (r > 2.5) {
        context.strokeStyle = borders[id];
        context.stroke();
      }
    }
    if (selected >= 0 && !hidden[selected]) {
      context.beginPath();
      shapePath(shapes[selected], sx[selected], sy[selected], radius(selected) + 3);
      context.lineWidth = 2.5;
      context.strokeStyle = "#102a43";
      context.stroke();
    }
    drawLabels(sx, sy);
    drawMilliseconds = performance.now() - began;
  }

  // Labels: the selected entity, its ties, then the most mentioned, each where it covers
  // no label already drawn; so the most important names show at every zoom.
  function drawLabels(sx, sy) {
    const cell = 12, columns = Math.ceil(width / cell) + 1, rows = Math.ceil(height / cell) + 2;
    const taken = new Uint8Array(columns * rows);
    context.font = "12px system-ui, sans-serif";
    context.textAlign = "center";
    context.textBaseline = "top";
    context.lineJoin = "round";
    context.lineWidth = 3;
    context.strokeStyle = "rgba(255,255,255,0.92)";
    let drawn = 0;
    const place = (id, force) => {
      if (hidden[id]) return;
      const x = sx[id], y = sy[id] + radius(id) + 2;
      if (x < -80 || x > width + 80 || y < -20 || y > height) return;
      if (widths[id] < 0) widths[id] = context.measureText(entities[id].label).width;
      const x0 = Math.max(0, Math.floor((x - widths[id] / 2) / cell)), x1 = Math.min(columns - 1, Math.floor((x + widths[id] / 2) / cell));
      const y0 = Math.max(0, Math.floor(y / cell)), y1 = Math.min(rows - 1, Math.floor((y + 14) / cell));
      if (!force) {
        for (let row = y0; row <= y1; row++) for (let column = x0; column <= x1; column++) if (taken[row * columns + column]) return;
      }
      for (let row = y0; row <= y1; row++) for (let column = x0; column <= x1; column++) taken[row * columns + column] = 1;
      context.fillStyle = id === selected ? "#102a43" : "#243b53";
      context.strokeText(entities[id].label, x, y);
      context.fillText(entities[id].label, x, y);
      drawn++;
    };
    if (selected >= 0) {
      place(selected, true);
      for (const edge of strongestTies(selected, 12)) place(from[edge] === selected ? to[edge] : from[edge], false);
    }
    for (let id = 0; id < size && drawn < 300; id++) if (id !== selected) place(id, false);
  }

  let pendingDraw = false;
  function requestDraw() {
    if (pendingDraw) return;
    pendingDraw = true;
    requestAnimationFrame(() => { pendingDraw = false; draw(); });
  }

  // ---------------------------------------------------------------- pointer
  function pick(x, y) {
    let best = -1, bestDistance = Infinity;
    for (let id = 0; id < size; id++) {
      if (hidden[id]) continue;
      const dx = screenX(id) - x, dy = screenY(id) - y;
      const distance = Math.sqrt(dx * dx + dy * dy);
      if (distance <= radius(id) + 3 && distance < bestDistance) { best = id; bestDistance = distance; }
    }
    return best;
  }
  let press = null;
  canvas.addEventListener("pointerdown", (event) => {
    press = { x: event.offsetX, y: event.offsetY, viewX: view.x, viewY: view.y, moved: false };
    canvas.setPointerCapture(event.pointerId);
  });
  canvas.addEventListener("pointermove", (event) => {
    if (press) {
      const dx = event.offsetX - press.x, dy = event.offsetY - press.y;
      if (Math.abs(dx) + Math.abs(dy) > 3) press.moved = true;
      if (press.moved) {
        view.x = press.viewX - dx / view.scale;
        view.y = press.viewY - dy / view.scale;
        tip.hidden = true;
        requestDraw();
      }
      return;
    }
    const id = pick(event.offsetX, event.offsetY);
    if (id < 0) { tip.hidden = true; return; }
    const entity = entities[id];
    tip.textContent = entity.title + "\n" + data.types[entity.type].label + ", " + counts[id] + " article" + (counts[id] === 1 ? "" : "s");
    tip.style.left = event.offsetX + 14 + "px";
    tip.style.top = event.offsetY + 10 + "px";
    tip.hidden = false;
  });
  canvas.addEventListener("pointerup", (event) => {
    if (press && !press.moved) {
      const id = pick(event.offsetX, event.offsetY);
      if (id >= 0) select(id, false); else deselect();
    }
    press = null;
  });
  canvas.addEventListener("pointerleave", () => { tip.hidden = true; });
  canvas.addEventListener("wheel", (event) => {
    event.preventDefault();
    zoomAt(event.offsetX, event.offsetY, Math.exp(-event.deltaY * 0.0015));
  }, { passive: false });
  function zoomAt(x, y, factor) {
    const worldX = (x - width / 2) / view.scale + view.x, worldY = (y - height / 2) / view.scale + view.y;
    view.scale = Math.min(Math.max(view.scale * factor, view.fitScale / 4), view.fitScale * 400);
    view.x = worldX - (x - width / 2) / view.scale;
    view.y = worldY - (y - height / 2) / view.scale;
    requestDraw();
  }
  for (const [id, action] of [
    ["kg-zoom-in", () => zoomAt(width / 2, height / 2, 1.5)],
    ["kg-zoom-out", () => zoomAt(width / 2, height / 2, 1 / 1.5)],
    ["kg-fit", () => { fit(); requestDraw(); }],
  ]) document.getElementById(id).addEventListener("click", action);
  canvas.addEventListener("keydown", (event) => {
    const keys = { "+": 1.5, "=": 1.5, "-": 1 / 1.5 };
    if (keys[event.key]) zoomAt(width / 2, height / 2, keys[event.key]);
  });
  // The header may wrap (a long status line): follow the drawing area's size, not the window's.
  new ResizeObserver(() => { resize(); requestDraw(); }).observe(container);

  // ---------------------------------------------------------------- filters
  function apply() {
    for (let id = 0; id < size; id++) {
      const entity = entities[id];
      counts[id] = whole() ? entity.count : total(entity.hist);
      hidden[id] = counts[id] === 0 || hiddenTypes.has(entity.type) ? 1 : 0;
    }
    data.edges.forEach((edge, id) => { weights[id] = whole() ? edge[2] : total(edge[3]); });
    if (selected >= 0 && hidden[selected]) deselect();
    showStats();
    if (selected >= 0) showDetails(selected, 0);
    requestDraw();
  }

  function showStats() {
    let shown = 0, drawnTies = 0;
    for (let id = 0; id < size; id++) if (!hidden[id]) shown++;
    for (let edge = 0; edge < edgeCount; edge++) if (edgeShown(edge)) drawnTies++;
    let text = shown + " entities, " + drawnTies + " ties, from " + data.articleCount + " articles";
    if (!whole()) text = shown + " entities mentioned in the period, " + drawnTies + " ties";
    if (data.omitted) text += "; " + data.omitted + " less mentioned entities left out (raise --max-nodes, or kg view --focus NAME)";
    document.getElementById("kg-stats").textContent = text;
  }

  const start = document.getElementById("kg-from"), end = document.getElementById("kg-to");
  const periodLabel = document.getElementById("kg-period-label");
  function showPeriod() {
    periodLabel.textContent = periods.length ? periods[low] + " to " + periods[high] : "";
  }
  let pendingApply = false;
  function readPeriod() {
    const a = Number(start.value), b = Number(end.value);
    low = Math.min(a, b);
    high = Math.max(a, b);
    showPeriod();
    if (pendingApply) return;
    pendingApply = true;
    requestAnimationFrame(() => { pendingApply = false; apply(); });
  }
  if (periods.length > 1) {
    document.getElementById("kg-period").hidden = false;
    for (const input of [start, end]) {
      input.max = String(periods.length - 1);
      input.addEventListener("input", readPeriod);
    }
    end.value = String(periods.length - 1);
  }
  showPeriod();

  function legendItem(list, symbol, colour, text, onToggle) {
    const item = document.createElement("li");
    if (onToggle) {
      const box = document.createElement("input");
      box.type = "checkbox";
      box.checked = true;
      box.setAttribute("aria-label", "show " + text);
      box.addEventListener("change", () => onToggle(box.checked));
      item.appendChild(box);
    }
    const mark = element("span", symbol, colour ? "kg-swatch" : "kg-shape");
    if (colour) mark.style.background = colour;
    item.append(mark, document.createTextNode(text));
    list.appendChild(item);
    return item;
  }
  const typeList = document.getElementById("kg-types");
  for (const [type, style] of Object.entries(data.types)) {
    const count = entities.filter((entity) => entity.type === type).length;
    if (!count) continue;
    const item = legendItem(typeList, SYMBOLS[style.shape] || "●", null, style.label + " (" + count + ")", (shown) => {
      if (shown) hiddenTypes.delete(type); else hiddenTypes.add(type);
      apply();
    });
    item.dataset.type = type;
  }
  const communityList = document.getElementById("kg-communities");
  for (const community of data.communities.slice(0, 12)) {
    if (community.size > 1) legendItem(communityList, undefined, community.color, community.name + " and " + (community.size - 1) + " more", null);
  }

  // ---------------------------------------------------------------- details
  function element(tag, text, className) {
    const made = document.createElement(tag);
    if (text !== undefined) made.textContent = text;
    if (className) made.className = className;
    return made;
  }
  function link(text, url) {
    const safe = url ? safeUrl(url) : null;
    if (!safe) return element("span", text);
    const anchor = element("a", text);
    anchor.href = safe;
    anchor.target = "_blank";
    anchor.rel = "noopener noreferrer";
    return anchor;
  }
  function tieText(edge, id) {
    const other = from[edge] === id ? to[edge] : from[edge];
    // From the official: "Mayor of, Governor of Boston"; from the city: "Eric Adams, Mayor of".
    const mine = [], theirs = [];
    for (const [phrase, forward] of data.edges[edge][4]) ((forward > 0) === (from[edge] === id) ? mine : theirs).push(phrase);
    const phrases = [];
    if (mine.length) phrases.push(mine.join(", ") + " " + entities[other].title);
    if (theirs.length) phrases.push(entities[other].title + ", " + theirs.join(", "));
    return { other, text: (phrases.length ? phrases.join("; ") : entities[other].title) + " · " + weights[edge] };
  }

  function showDetails(id, page) {
    const panel = document.getElementById("kg-details");
    panel.replaceChildren();
    if (id < 0) {
      panel.appendChild(element("p", "Select an entity to see its ties and the articles that mention it.", "kg-note"));
      return;
    }
    const entity = entities[id];
    panel.appendChild(element("h2", entity.title));
    panel.appendChild(element("p", data.types[entity.type].label + " · " + counts[id] + " article" +
      (counts[id] === 1 ? "" : "s") + (whole() ? "" : " in the period") + " · community of " +
      data.communities[entity.community].name, "kg-note"));
    const list = element("dl");
    for (const [name, values] of entity.properties) {
      if (name === "name") continue;
      list.append(element("dt", name));
      for (const value of values.slice(0, 6)) {
        const detail = element("dd");
        detail.appendChild(name === "url" ? link(value, value) : element("span", value));
        list.append(detail);
      }
      if (values.length > 6) list.append(element("dd", "and " + (values.length - 6) + " more", "kg-note"));
    }
    list.append(element("dt", "IRI"), element("dd", entity.id));
    panel.appendChild(list);

    const strongest = strongestTies(id, 12);
    if (strongest.length) {
      panel.appendChild(element("h3", "Appears with (shared articles)"));
      const box = element("div");
      box.id = "kg-ties";
      for (const edge of strongest) {
        const { other, text } = tieText(edge, id);
        const button = element("button", text);
        button.type = "button";
        button.dataset.iri = entities[other].id;
        button.addEventListener("click", () => select(other, true));
        box.appendChild(button);
      }
      panel.appendChild(box);
    }

    const listed = entity.articles.filter((row) => inPeriod(data.articles[row[0]][4]));
    panel.appendChild(element("h3", "Articles, newest first"));
    const pages = Math.max(1, Math.ceil(listed.length / PAGE));
    page = Math.min(Math.max(page, 0), pages - 1);
    const items = element("ul");
    items.id = "kg-articles";
    for (const [row, sentence] of listed.slice(page * PAGE, page * PAGE + PAGE)) {
      const [headline, date, outlet, url] = data.articles[row];
      const item = element("li");
      item.appendChild(link(headline, url));
      item.appendChild(element("div", [date || "undated", outlet].filter(Boolean).join(" · "), "kg-meta"));
      if (sentence >= 0) item.appendChild(element("blockquote", data.sentences[sentence]));
      items.appendChild(item);
    }
    panel.appendChild(items);
    if (listed.length > PAGE) {
      const pager = element("div");
      pager.id = "kg-pager";
      const newer = element("button", "Newer"), older = element("button", "Older");
      newer.type = older.type = "button";
      newer.disabled = page === 0;
      older.disabled = page === pages - 1;
      newer.addEventListener("click", () => showDetails(id, page - 1));
      older.addEventListener("click", () => showDetails(id, page + 1));
      const first = page * PAGE + 1, last = Math.min(listed.length, page * PAGE + PAGE);
      pager.append(newer, element("span", first + "–" + last + " of " + listed.length), older);
      panel.appendChild(pager);
    }
    if (entity.count > entity.articles.length) {
      panel.appendChild(element("p", "The page holds the newest " + entity.articles.length + " of its " + entity.count +
        " articles; kg view GRAPH --focus \"" + entity.title + "\" draws them all.", "kg-note"));
    } else if (!listed.length) {
      panel.appendChild(element("p", "No article in the period.", "kg-note"));
    }
  }

  function select(id, centre) {
    selected = id;
    if (centre) {
      view.x = X[id];
      view.y = Y[id];
      view.scale = Math.max(view.scale, view.fitScale * 3);
    }
    showDetails(id, 0);
    requestDraw();
  }
  function deselect() {
    selected = -1;
    showDetails(-1, 0);
    requestDraw();
  }

  const byIri = new Map(entities.map((entity, id) => [entity.id, id]));
  const nameList = document.getElementById("kg-names");
  for (const entity of entities.slice(0, 5000)) {
    const option = document.createElement("option");
    option.value = entity.title;
    nameList.appendChild(option);
  }
  function find(text) {
    const needle = text.trim().toLowerCase();
    if (!needle) return -1;
    let best = -1;
    for (let id = 0; id < size; id++) {
      if (hidden[id]) continue;
      const title = entities[id].title.toLowerCase();
      if (title === needle) return id;
      if (best < 0 && title.includes(needle)) best = id;
    }
    return best;
  }
  const search = document.getElementById("kg-search");
  search.addEventListener("change", () => window.kgFind(search.value));
  search.addEventListener("keydown", (event) => { if (event.key === "Enter") window.kgFind(search.value); });

  // For tests and scripts. Entities come most mentioned first: a partial name picks the
  // most mentioned match.
  window.kgFind = function (text) {
    const id = find(text);
    if (id < 0) return null;
    select(id, true);
    return entities[id].id;
  };
  window.kgSelect = function (iri) {
    const id = byIri.get(iri);
    if (id === undefined || hidden[id]) return false;
    select(id, true);
    return true;
  };
  // The period as two period labels (inclusive); no argument: the whole span.
  window.kgSetPeriod = function (first, last) {
    const a = first === undefined ? 0 : periods.indexOf(first);
    const b = last === undefined ? periods.length - 1 : periods.indexOf(last);
    if (a < 0 || b < 0) return false;
    start.value = String(a);
    end.value = String(b);
    low = Math.min(a, b);
    high = Math.max(a, b);
    showPeriod();
    apply();
    return true;
  };
  window.kgOverview = {
    visible: () => entities.filter((_, id) => !hidden[id]).map((entity) => entity.id),
    count: (iri) => counts[byIri.get(iri)],
    weight: (a, b) => {
      const one = byIri.get(a), other = byIri.get(b);
      for (const edge of ties[one] || []) {
        if ((from[edge] === other || to[edge] === other) && edgeShown(edge)) return weights[edge];
      }
      return null;
    },
    ties: () => Array.from({ length: edgeCount }, (_, edge) => edge).filter(edgeShown)
      .map((edge) => [entities[from[edge]].id, entities[to[edge]].id, weights[edge]]),
    selected: () => (selected >= 0 ? entities[selected].id : null),
    drawMilliseconds: () => drawMilliseconds,
    // Where an entity is drawn, in CSS pixels of the page (to click it as a reader would).
    where: (iri) => {
      const id = byIri.get(iri), box = canvas.getBoundingClientRect();
      return { x: box.left + screenX(id), y: box.top + screenY(id) };
    },
  };

  resize();
  fit();
  showStats();
  window.kgReady = false;
  // Ready once the first frame is drawn and shown, and the page takes input.
  requestAnimationFrame(() => {
    draw();
    requestAnimationFrame(() => setTimeout(() => { window.kgReady = true; }, 0));
  });
})();

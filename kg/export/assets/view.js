"use strict";
(function () {
  const data = JSON.parse(document.getElementById("kg-data").textContent);
  const byId = new Map(data.nodes.map((node) => [node.id, node]));
  const safeUrl = (url) => /^https?:\/\//i.test(url) ? url : null;
  const large = data.nodes.length > 1000;

  // vis-network 9 shows string titles as text, never as HTML.
  function tooltip(node) {
    const lines = [node.title, data.types[node.type].label];
    for (const [name, values] of node.properties.slice(0, 4)) {
      lines.push(name + ": " + values.join(", ").slice(0, 160));
    }
    return lines.join("\n");
  }

  const nodes = new vis.DataSet(data.nodes.map((node) => ({
    id: node.id, label: node.label, group: node.type, value: node.degree + 1, title: tooltip(node),
  })));
  const edges = new vis.DataSet(data.edges.map((edge, index) => ({
    id: index, from: edge.from, to: edge.to, label: large ? undefined : edge.label, title: edge.label, arrows: "to",
  })));
  const groups = {};
  for (const [type, style] of Object.entries(data.types)) {
    groups[type] = { color: { background: style.color, border: style.border }, shape: style.shape };
  }
  const network = new vis.Network(document.getElementById("kg-network"), { nodes, edges }, {
    groups,
    layout: { improvedLayout: !large },
    nodes: { scaling: { min: 8, max: 40 }, font: { size: 13 } },
    edges: { font: { size: 9, align: "middle" }, color: { color: "#9aa5b1" }, smooth: false },
    physics: {
      solver: large ? "forceAtlas2Based" : "barnesHut",
      // Stabilization runs before the first draw: fewer rounds keep big views quick to open.
      stabilization: { iterations: data.nodes.length > 5000 ? 60 : large ? 150 : 400, updateInterval: 50 },
      barnesHut: { gravitationalConstant: -6000, springLength: 140 },
    },
    interaction: { hover: true, tooltipDelay: 150, hideEdgesOnDrag: large },
  });
  window.kgStabilized = false;
  network.once("stabilizationIterationsDone", () => {
    network.setOptions({ physics: false });
    window.kgStabilized = true;
    window.kgReady = true;
  });
  window.kgNetwork = network;

  const hidden = new Set();
  function applyFilters() {
    nodes.update(data.nodes.map((node) => ({ id: node.id, hidden: hidden.has(node.type) })));
  }
  const legend = document.getElementById("kg-legend");
  for (const [type, style] of Object.entries(data.types)) {
    const count = data.nodes.filter((node) => node.type === type).length;
    if (!count) continue;
    const item = document.createElement("li");
    const box = document.createElement("input");
    box.type = "checkbox";
    box.checked = true;
    box.setAttribute("aria-label", "show " + style.label);
    box.addEventListener("change", () => {
      if (box.checked) hidden.delete(type); else hidden.add(type);
      applyFilters();
    });
    const swatch = document.createElement("span");
    swatch.className = "swatch";
    swatch.style.background = style.color;
    item.append(box, swatch, document.createTextNode(style.label + " (" + count + ")"));
    item.dataset.type = type;
    legend.appendChild(item);
  }

  document.getElementById("kg-stats").textContent =
    data.nodes.length + " nodes, " + data.edges.length + " edges" +
    (data.omitted ? "; " + data.omitted + " less connected nodes left out (raise --max-nodes or focus with kg view)" : "");

  function showDetails(id) {
    const node = byId.get(id);
    const panel = document.getElementById("kg-details");
    panel.replaceChildren();
    if (!node) return;
    const heading = document.createElement("h2");
    heading.textContent = node.title;
    panel.appendChild(heading);
    const list = document.createElement("dl");
    const add = (name, value, href) => {
      const term = document.createElement("dt");
      term.textContent = name;
      const detail = document.createElement("dd");
      const link = href ? safeUrl(href) : null;
      if (link) {
        const anchor = document.createElement("a");
        anchor.href = link;
        anchor.target = "_blank";
        anchor.rel = "noopener noreferrer";
        anchor.textContent = value;
        detail.appendChild(anchor);
      } else {
        detail.textContent = value;
      }
      list.append(term, detail);
    };
    add("type", data.types[node.type].label);
    add("IRI", node.id);
    add("links", String(node.degree));
    for (const [name, values] of node.properties) {
      for (const value of values) add(name, value, name === "url" ? value : null);
    }
    panel.appendChild(list);
  }
  network.on("selectNode", (event) => showDetails(event.nodes[0]));

  const names = document.getElementById("kg-names");
  for (const node of data.nodes.slice(0, 5000)) {
    const option = document.createElement("option");
    option.value = node.title;
    names.appendChild(option);
  }
  function find(text) {
    const needle = text.trim().toLowerCase();
    if (!needle) return null;
    const matches = data.nodes.filter((node) => node.title.toLowerCase().includes(needle));
    const exact = (node) => (node.title.toLowerCase() === needle ? 0 : 1);
    matches.sort((a, b) => exact(a) - exact(b) || b.degree - a.degree || (a.id < b.id ? -1 : 1));
    return matches[0] || null;
  }
  function select(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.2, animation: false });
    showDetails(id);
  }
  window.kgFind = function (text) {
    const node = find(text);
    if (!node) return null;
    select(node.id);
    return node.id;
  };
  const search = document.getElementById("kg-search");
  search.addEventListener("change", () => window.kgFind(search.value));
  search.addEventListener("keydown", (event) => { if (event.key === "Enter") window.kgFind(search.value); });
  if (data.focus) network.once("stabilizationIterationsDone", () => select(data.focus));
})();

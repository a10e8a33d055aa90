// The dashboard: a map, a timeline per day by type and a table of events, all from /api.
// Data from reports is untrusted: it only ever reaches the page through textContent or
// DOM properties, never as HTML.
"use strict";

(function () {
  const PAGE = 50;
  const MAP_POINTS = 5000;
  const TYPE_COLORS = {
    "Battles": "#c0392b",
    "Explosions/Remote violence": "#e67e22",
    "Violence against civilians": "#8e44ad",
    "Protests": "#2980b9",
    "Riots": "#16a085",
    "Strategic developments": "#7f8c8d",
  };
  const OTHER_COLOR = "#34495e";
  const state = { offset: 0, sort: "-date", total: null };
  const form = document.getElementById("filters");
  let map = null;
  let pointsLayer = null;

  function colorOf(type) {
    return TYPE_COLORS[type] || OTHER_COLOR;
  }

  function filterParams() {
    const params = new URLSearchParams();
    for (const [key, value] of new FormData(form)) {
      if (String(value).trim() !== "") params.set(key, String(value).trim());
    }
    return params;
  }

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  async function getJSON(url) {
    const response = await fetch(url, { headers: { Accept: "application/json" } });
    const body = await response.json();
    if (!response.ok) throw new Error(body.error || response.statusText);
    return body;
  }

  function showError(message) {
    const summary = document.getElementById("summary");
    summary.textContent = "Could not load events: " + message;
    summary.classList.add("error");
  }

  // ---- table -------------------------------------------------------------------------------
  function eventLink(row) {
    const a = el("a", row.sub_event_type || "event");
    a.href = "/events/" + encodeURIComponent(row.id);
    return a;
  }

  async function loadTable() {
    const params = filterParams();
    params.set("limit", PAGE);
    params.set("offset", state.offset);
    params.set("sort", state.sort);
    // Counting is the costly part of a page: the total of a filter is asked for once.
    if (state.total !== null) params.set("total", "false");
    const body = await getJSON("/api/events?" + params);
    if (body.total !== null) state.total = body.total;
    body.total = state.total;
    const tbody = document.querySelector("#events tbody");
    tbody.replaceChildren();
    for (const row of body.events) {
      const tr = el("tr", null, { "data-id": row.id });
      tr.append(el("td", row.event_date || ""), el("td", row.event_type || ""));
      const sub = el("td");
      sub.append(eventLink(row));
      tr.append(sub);
      for (const key of ["actor1", "actor2", "country", "admin1", "location", "fatalities"]) {
        tr.append(el("td", row[key] === null ? "" : row[key]));
      }
      tr.append(el("td", row.confidence === null ? "" : Number(row.confidence).toFixed(2)));
      tr.append(el("td", row.review_status, { class: "status-" + row.review_status }));
      tbody.append(tr);
    }
    const last = Math.min(state.offset + body.events.length, body.total);
    document.getElementById("summary").textContent =
      body.total === 0 ? "No event matches." : `Events ${state.offset + 1}–${last} of ${body.total}`;
    document.getElementById("page-info").textContent =
      `page ${Math.floor(state.offset / PAGE) + 1} of ${Math.max(1, Math.ceil(body.total / PAGE))}`;
    document.getElementById("prev").disabled = state.offset === 0;
    document.getElementById("next").disabled = last >= body.total;
  }

  // ---- map -----------------------------------------------------------------------------------
  function initMap() {
    const box = document.getElementById("map");
    if (!box || typeof L === "undefined") return;
    map = L.map(box, { worldCopyJump: true, minZoom: 1 }).setView([20, 10], 2);
    const tiles = box.dataset.tiles;
    if (tiles) {
      L.tileLayer(tiles, { attribution: escapeHTML(box.dataset.attribution || ""), maxZoom: 18 }).addTo(map);
    } else {
      box.classList.add("blank");
      drawGrid();
    }
    pointsLayer = L.layerGroup().addTo(map);
  }

  function escapeHTML(text) {
    const div = document.createElement("div");
    div.textContent = text;
    return div.innerHTML;
  }

  function drawGrid() {
    // Without tiles: a 10-degree graticule so that points sit somewhere recognisable.
    const style = { color: "#b8c4cc", weight: 1, interactive: false };
    for (let lat = -80; lat <= 80; lat += 10) L.polyline([[lat, -540], [lat, 540]], style).addTo(map);
    for (let lon = -540; lon <= 540; lon += 10) L.polyline([[-85, lon], [85, lon]], style).addTo(map);
  }

  function popupFor(p) {
    const div = el("div", null, { class: "popup" });
    const title = el("a", `${p.sub_event_type || "Event"}`);
    title.href = "/events/" + encodeURIComponent(p.id);
    div.append(title, el("div", [p.event_date, p.location, p.country].filter(Boolean).join(" · ")));
    if (p.fatalities) div.append(el("div", `${p.fatalities} killed`));
    return div;
  }

  async function loadMap() {
    if (!map) return;
    const params = filterParams();
    params.set("format", "geojson");
    params.set("limit", MAP_POINTS);
    const body = await getJSON("/api/events?" + params);
    pointsLayer.clearLayers();
    const bounds = [];
    for (const f of body.features) {
      const [lon, lat] = f.geometry.coordinates;
      const p = f.properties;
      const marker = L.circleMarker([lat, lon], {
        radius: 4 + Math.min(8, Math.sqrt(p.fatalities || 0)), color: colorOf(p.event_type),
        weight: 1, fillOpacity: 0.6,
      });
      marker.bindPopup(() => popupFor(p));
      marker.addTo(pointsLayer);
      bounds.push([lat, lon]);
    }
    document.getElementById("map").dataset.points = String(bounds.length);
    if (bounds.length) map.fitBounds(bounds, { maxZoom: 9, padding: [20, 20] });
  }

  // ---- timeline ------------------------------------------------------------------------------
  const SVG = "http://www.w3.org/2000/svg";

  function svg(tag, attrs) {
    const node = document.createElementNS(SVG, tag);
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, String(v));
    return node;
  }

  async function loadTimeline() {
    const rows = await getJSON("/api/timeline?" + filterParams());
    const box = document.getElementById("timeline");
    box.replaceChildren();
    const legend = document.getElementById("timeline-legend");
    legend.replaceChildren();
    if (!rows.length) {
      box.append(el("p", "No dated event."));
      return;
    }
    const days = [...new Set(rows.map((r) => r.date))].sort();
    const types = [...new Set(rows.map((r) => r.event_type))].sort();
    const perDay = new Map(days.map((d) => [d, []]));
    for (const r of rows) perDay.get(r.date).push(r);
    const peak = Math.max(...days.map((d) => perDay.get(d).reduce((s, r) => s + r.n, 0)));
    const W = 600, H = 160, pad = 24;
    const barW = Math.max(1, (W - pad) / days.length);
    const chart = svg("svg", { viewBox: `0 0 ${W} ${H + 20}`, class: "timeline", role: "img" });
    days.forEach((day, i) => {
      let y = H;
      for (const type of types) {
        const r = perDay.get(day).find((x) => x.event_type === type);
        if (!r) continue;
        const h = (r.n / peak) * (H - 10);
        y -= h;
        const rect = svg("rect", { x: pad + i * barW, y, width: Math.max(1, barW - 1), height: h, fill: colorOf(type) });
        const tip = svg("title");
        tip.textContent = `${day}: ${r.n} ${type}`;
        rect.append(tip);
        chart.append(rect);
      }
    });
    const axis = (text, x, y, anchor) => {
      const t = svg("text", { x, y, "text-anchor": anchor, class: "axis" });
      t.textContent = text;
      chart.append(t);
    };
    axis(String(peak), pad - 4, 12, "end");
    axis(days[0], pad, H + 14, "start");
    if (days.length > 1) axis(days[days.length - 1], W, H + 14, "end");
    box.append(chart);
    for (const type of types) {
      const li = el("li");
      li.append(el("span", "", { class: "swatch", "data-type": type }), document.createTextNode(type));
      li.firstChild.style.background = colorOf(type);
      legend.append(li);
    }
  }

  // ---- wiring --------------------------------------------------------------------------------
  function updateLinks() {
    const params = filterParams();
    params.set("format", "csv");
    document.getElementById("download-csv").href = "/api/events?" + params;
    params.set("format", "geojson");
    document.getElementById("download-geojson").href = "/api/events?" + params;
  }

  async function reload(resetPage) {
    if (resetPage) state.offset = 0;
    state.total = null;
    document.body.dataset.loaded = "0";
    updateLinks();
    try {
      await Promise.all([loadTable(), loadMap(), loadTimeline()]);
      document.body.dataset.loaded = "1";
    } catch (err) {
      showError(err.message);
      document.body.dataset.loaded = "error";
    }
  }

  form.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const params = filterParams();
    history.replaceState(null, "", params.toString() ? "/?" + params : "/");
    reload(true);
  });
  document.getElementById("prev").addEventListener("click", () => {
    state.offset = Math.max(0, state.offset - PAGE);
    loadTable().catch((e) => showError(e.message));
  });
  document.getElementById("next").addEventListener("click", () => {
    state.offset += PAGE;
    loadTable().catch((e) => showError(e.message));
  });
  for (const th of document.querySelectorAll("#events th[data-sort]")) {
    th.addEventListener("click", () => {
      const key = th.dataset.sort;
      state.sort = state.sort === "-" + key ? key : "-" + key;
      state.offset = 0;
      loadTable().catch((e) => showError(e.message));
    });
  }
  initMap();
  reload(true);
})();

// The TeamGraph viewer: the Graphviz chart of `/api/chart.svg` with pan and zoom, a search, a
// person panel, a gaps panel. Plain JavaScript, no library. Data is never markup: every text from
// the server goes into the page through textContent, and the chart through DOMParser + importNode.
"use strict";

(function () {
  const SVG_NS = "http://www.w3.org/2000/svg";

  const GAP_LABELS = {
    "unowned-newcomer": "Newcomer without an owner",
    "owner-overloaded": "Owner with too many reports",
    "inactive-owner": "Owner inactive or left",
    "owner-outside-line": "Owner outside the sponsor line",
    "team-without-lead": "Team without a lead",
    "lead-outside-team": "Lead from another team",
  };
  const METRIC_LABELS = [
    ["sponsorDepth", "Generation (sponsor depth)"],
    ["ownerDepth", "Owner depth"],
    ["frontline", "Frontline (brought in)"],
    ["directReports", "Direct reports"],
    ["downline", "Downline"],
    ["ownedTotal", "Owned in total"],
  ];
  const FIELD_LABELS = [
    ["id", "Id"],
    ["name", "Name"],
    ["role", "Role"],
    ["team", "Team"],
    ["status", "Status"],
    ["joined", "Joined"],
    ["sponsor", "Sponsor"],
    ["owner", "Owner"],
  ];
  const OTHER = { sponsor: "owner", owner: "sponsor" };

  // ---------------------------------------------------------------- state

  const state = {
    by: "sponsor",
    also: false,
    markGaps: true,
    color: "status",
    maxNodes: 150,
    roots: [],
    expand: [],
    asOf: "",
    diff: "",
    selected: null, // the person whose panel is open
    focus: null, // the person last searched for (highlighted)
    gapKinds: [], // the kinds the gaps list is filtered to (empty: all)
  };
  let info = null;
  let svg = null; // the chart's <svg> in the page
  let cards = new Map(); // person id -> card <g>
  let view = null; // {x, y, w, h}: the visible part of the chart, in chart units
  let full = null; // the whole chart's viewBox
  let chartRequest = 0; // the number of the newest chart request (older answers are dropped)
  let panelData = null;
  let account = null; // the signed-in account ({name, role, mayEdit, scope}), null without accounts

  const $ = (id) => document.getElementById(id);
  const el = (tag, attrs, ...children) => {
    const node = document.createElement(tag);
    if (attrs) {
      for (const [key, value] of Object.entries(attrs)) {
        if (value === undefined || value === null || value === false) continue;
        if (key === "text") node.textContent = value;
        else if (key === "class") node.className = value;
        else if (key.startsWith("data-")) node.setAttribute(key, String(value));
        else if (key === "hidden" || key === "disabled") node[key] = true;
        else node.setAttribute(key, String(value));
      }
    }
    for (const child of children) {
      if (child === null || child === undefined) continue;
      node.append(typeof child === "string" ? document.createTextNode(child) : child);
    }
    return node;
  };
  const clear = (node) => {
    while (node.firstChild) node.removeChild(node.firstChild);
  };
  const narrow = () => window.matchMedia("(max-width: 700px)").matches;

  /**
   * A query string with every value percent-encoded (a space is %20, never "+": the server reads
   * "+" as itself, and ids may hold spaces).
   */
  function queryString(params) {
    const parts = [];
    for (const [key, value] of params) parts.push(encodeURIComponent(key) + "=" + encodeURIComponent(value));
    return parts.join("&");
  }

  // ------------------------------------------------------- URL of the view

  function readLocation() {
    const q = new URLSearchParams(window.location.search);
    if (q.get("by") === "owner" || q.get("by") === "sponsor") state.by = q.get("by");
    if (q.has("also")) state.also = q.get("also") !== "" && q.get("also") !== "false";
    if (q.has("mark_gaps")) state.markGaps = q.get("mark_gaps") !== "false" && q.get("mark_gaps") !== "0";
    if (["status", "role", "team"].includes(q.get("color"))) state.color = q.get("color");
    const max = parseInt(q.get("max_nodes") || "", 10);
    if (max > 0) state.maxNodes = max;
    const list = (name) => q.getAll(name).flatMap((v) => v.split(",")).filter((v) => v !== "");
    state.roots = list("root");
    state.expand = list("expand");
    if (q.get("as_of")) state.asOf = q.get("as_of");
    if (q.get("diff")) state.diff = q.get("diff");
    if (q.get("person")) state.selected = q.get("person");
  }

  function writeLocation() {
    const q = chartParams();
    if (state.selected) q.set("person", state.selected);
    const text = queryString(q);
    const url = window.location.pathname + (text ? "?" + text : "");
    try {
      window.history.replaceState(null, "", url);
    } catch (e) {
      /* a sandboxed page may refuse; the view still works */
    }
  }

  // ------------------------------------------------------------- requests

  /** Parameters every read takes (the day the network is read as of). */
  function readParams(extra) {
    const q = new URLSearchParams(extra || {});
    if (state.asOf) q.set("as_of", state.asOf);
    return q;
  }

  function chartParams() {
    const q = new URLSearchParams();
    // repeated, not comma-joined: an id may hold a comma
    for (const root of state.roots) q.append("root", root);
    q.set("by", state.by);
    if (state.also) q.set("also", OTHER[state.by]);
    q.set("color", state.color);
    if (state.markGaps) q.set("mark_gaps", "true");
    q.set("max_nodes", String(state.maxNodes));
    for (const id of state.expand) q.append("expand", id);
    if (state.diff) q.set("diff", state.diff);
    else if (state.asOf) q.set("as_of", state.asOf);
    return q;
  }

  class APIError extends Error {
    constructor(status, body) {
      const message = body && body.error && body.error.message ? body.error.message : "HTTP " + status;
      super(message);
      this.status = status;
      this.body = body;
    }
  }

  async function request(path, params) {
    const query = params ? queryString(params) : "";
    let response;
    try {
      response = await fetch(path + (query ? "?" + query : ""), { headers: { Accept: "application/json" } });
    } catch (e) {
      throw new Error("the server cannot be reached (" + e.message + ")");
    }
    if (!response.ok) {
      let body = null;
      try {
        body = await response.json();
      } catch (e) {
        body = null;
      }
      if (response.status === 401 && path !== "/api/session") showSignIn();
      throw new APIError(response.status, body);
    }
    return response;
  }

  /** Sends a change (POST or DELETE) with the viewer's header, which other sites cannot send. */
  async function send(method, path, body) {
    let response;
    try {
      response = await fetch(path, {
        method,
        headers: { Accept: "application/json", "Content-Type": "application/json", "X-TeamGraph-Request": "1" },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch (e) {
      throw new Error("the server cannot be reached (" + e.message + ")");
    }
    let data = null;
    try {
      data = await response.json();
    } catch (e) {
      data = null;
    }
    if (!response.ok) throw new APIError(response.status, data);
    return data;
  }

  // ------------------------------------------------------------- accounts

  function showSignIn(message) {
    if ($("tg-signin")) return;
    const name = el("input", { id: "tg-signin-name", autocomplete: "username", required: "required" });
    const password = el("input", { id: "tg-signin-password", type: "password", autocomplete: "current-password", required: "required" });
    const error = el("p", { id: "tg-signin-error", class: "error", role: "alert", text: message || "" });
    const form = el(
      "form",
      { id: "tg-signin", class: "signin", "aria-labelledby": "tg-signin-title" },
      el("h2", { id: "tg-signin-title", text: "Sign in to TeamGraph" }),
      el("label", null, "Name ", name),
      el("label", null, "Password ", password),
      el("button", { type: "submit", id: "tg-signin-submit", text: "Sign in" }),
      error,
    );
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      try {
        await send("POST", "/api/session", { name: name.value, password: password.value });
        window.location.reload();
      } catch (e) {
        error.textContent = e.message;
        password.value = "";
      }
    });
    document.body.classList.add("signed-out");
    document.body.append(el("div", { id: "tg-signin-backdrop", class: "backdrop" }, form));
    name.focus();
  }

  /** Who is signed in; false when the page must wait for a sign-in. */
  async function loadAccount() {
    let data;
    try {
      const response = await fetch("/api/session", { headers: { Accept: "application/json" } });
      if (response.status === 401) {
        showSignIn();
        return false;
      }
      data = await response.json();
    } catch (e) {
      return true;
    }
    if (!data.accounts) return true;
    account = data;
    const scope = data.scope && data.scope.person ? " · " + data.scope.person + " and under (by " + data.scope.by + ")" : "";
    const out = el("button", { type: "button", id: "tg-signout", class: "link", text: "Sign out" });
    out.addEventListener("click", async () => {
      try {
        await send("DELETE", "/api/session");
      } finally {
        window.location.reload();
      }
    });
    $("tg-brand").append(el("span", { id: "tg-account", class: "muted", text: data.name + " (" + data.role + ")" + scope }), " ", out);
    return true;
  }

  /** Sends an edit; on success says what was recorded and reloads what it changes. */
  async function edit(body, where) {
    try {
      const result = await send("POST", "/api/edits", body);
      showNotice(result.confirmation + " by " + result.author);
      refreshAll();
      return true;
    } catch (e) {
      if (where) where.textContent = e.message;
      else showError("The change was refused", e);
      return false;
    }
  }

  async function getJSON(path, params) {
    const response = await request(path, params);
    return response.json();
  }

  // ------------------------------------------------------------- messages

  function showError(what, error) {
    const text = what + ": " + (error && error.message ? error.message : String(error));
    $("tg-error-text").textContent = text;
    $("tg-error").hidden = false;
  }
  function clearError() {
    $("tg-error").hidden = true;
    $("tg-error-text").textContent = "";
  }
  function showNotice(text) {
    if (!text) {
      $("tg-notice").hidden = true;
      $("tg-notice-text").textContent = "";
      return;
    }
    $("tg-notice-text").textContent = text;
    $("tg-notice").hidden = false;
  }
  function decodeHeader(value) {
    if (!value) return "";
    try {
      return decodeURIComponent(value);
    } catch (e) {
      return value;
    }
  }

  // ---------------------------------------------------------------- chart

  /** The person id of a card's SVG id (the server percent-encodes %, spaces and controls). */
  function decodeId(svgId) {
    if (svgId.indexOf("%") < 0) return svgId;
    try {
      return decodeURIComponent(svgId);
    } catch (e) {
      return svgId;
    }
  }

  /** Removes anything active from a parsed chart (it comes from our server, but be strict). */
  function scrub(root) {
    for (const bad of root.querySelectorAll("script, foreignObject, iframe, object, embed")) bad.remove();
    const all = [root, ...root.querySelectorAll("*")];
    for (const node of all) {
      for (const attr of Array.from(node.attributes)) {
        const name = attr.name.toLowerCase();
        const value = attr.value.trim().toLowerCase();
        if (name.startsWith("on") || name === "style") node.removeAttribute(attr.name);
        else if ((name === "href" || name === "xlink:href") && !value.startsWith("#")) node.removeAttribute(attr.name);
      }
    }
  }

  /**
   * Loads the chart for the current state. `keep` says where the view goes afterwards:
   * {anchor: id} keeps that person's card on the same spot of the screen, {center: id} centres on
   * the person, {fit: true} fits the chart, {same: true} keeps the view box.
   */
  async function loadChart(keep) {
    const number = ++chartRequest;
    const container = $("tg-chart");
    container.setAttribute("data-state", "loading");
    updateExports();
    writeLocation();
    let before = null;
    if (keep && keep.anchor && svg && cards.has(keep.anchor)) before = screenPoint(cards.get(keep.anchor));
    let response, text;
    try {
      response = await request("/api/chart.svg", chartParams());
      text = await response.text();
    } catch (error) {
      if (number !== chartRequest) return false;
      container.setAttribute("data-state", "error");
      showError("The chart could not be drawn", error);
      const empty = $("tg-chart-empty");
      if (!svg && empty) {
        empty.textContent = state.roots.length
          ? "No chart to show. “Whole network” draws everyone."
          : "No chart to show. Check the message above, then reload the page.";
      }
      return false;
    }
    if (number !== chartRequest) return false;
    const doc = new DOMParser().parseFromString(text, "image/svg+xml");
    const parsed = doc.documentElement;
    if (!parsed || parsed.nodeName !== "svg" || doc.getElementsByTagName("parsererror").length) {
      container.setAttribute("data-state", "error");
      showError("The chart could not be drawn", new Error("the server's answer is not an SVG picture"));
      return false;
    }
    clearError();
    showNotice(decodeHeader(response.headers.get("TeamGraph-Note")));
    scrub(parsed);
    const fresh = document.importNode(parsed, true);
    const box = (fresh.getAttribute("viewBox") || "").split(/[\s,]+/).map(Number);
    full =
      box.length === 4 && box.every(Number.isFinite)
        ? { x: box[0], y: box[1], w: box[2] || 1, h: box[3] || 1 }
        : { x: 0, y: 0, w: 1000, h: 1000 };
    fresh.removeAttribute("width");
    fresh.removeAttribute("height");
    fresh.setAttribute("preserveAspectRatio", "xMidYMid meet");
    fresh.setAttribute("id", "tg-svg");
    fresh.setAttribute("role", "img");
    fresh.setAttribute("aria-label", "Chart of the network");
    // Graphviz puts a tooltip <title> with the id on every node; the card's own tooltip is enough.
    for (const title of fresh.querySelectorAll("g.node > title, g.edge > title")) title.remove();
    clear(container);
    container.append(fresh);
    svg = fresh;
    cards = new Map();
    let drawn = 0;
    for (const g of svg.querySelectorAll("g.node")) {
      const id = g.getAttribute("id") || "";
      const classes = g.classList;
      if (classes.contains("person")) {
        const person = decodeId(id);
        cards.set(person, g);
        g.setAttribute("data-person", person);
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
        drawn++;
      } else if (classes.contains("more") && id.startsWith("more:")) {
        g.setAttribute("data-more", decodeId(id.slice(5)));
        g.setAttribute("tabindex", "0");
        g.setAttribute("role", "button");
      }
    }
    container.setAttribute("data-cards", String(drawn));
    container.setAttribute("data-more-cards", String(svg.querySelectorAll("g.node.more").length));
    markCards();
    if (keep && keep.center && cards.has(keep.center)) {
      fitView(false);
      centerOn(cards.get(keep.center), Math.max(scale(), 1));
    } else if (before && keep.anchor && cards.has(keep.anchor)) {
      view = view || fitBox();
      setView(view);
      const after = screenPoint(cards.get(keep.anchor));
      const s = scale();
      setView({ x: view.x + (after.x - before.x) / s, y: view.y + (after.y - before.y) / s, w: view.w, h: view.h });
    } else if (keep && keep.same && view) {
      setView(view);
    } else {
      fitView(true);
    }
    container.setAttribute("data-state", "ready");
    updateScope();
    return true;
  }

  function markCards() {
    if (!svg) return;
    for (const g of svg.querySelectorAll(".tg-selected, .tg-focus, .tg-chain")) {
      g.classList.remove("tg-selected", "tg-focus", "tg-chain");
    }
    if (state.focus && cards.has(state.focus)) cards.get(state.focus).classList.add("tg-focus");
    if (state.selected && cards.has(state.selected)) {
      cards.get(state.selected).classList.add("tg-selected");
      if (panelData && panelData.person && panelData.person.id === state.selected) {
        for (const link of panelData.chains[state.by] || []) {
          if (cards.has(link.id)) cards.get(link.id).classList.add("tg-chain");
        }
      }
    }
  }

  // ------------------------------------------------------------ pan, zoom

  function size() {
    const rect = $("tg-chart").getBoundingClientRect();
    return { w: Math.max(rect.width, 1), h: Math.max(rect.height, 1), left: rect.left, top: rect.top };
  }
  /** Pixels per chart unit. */
  function scale() {
    if (!view) return 1;
    return size().w / view.w;
  }
  function setView(v) {
    const s = size();
    // keep the view box's shape the container's, so the scale is the same both ways
    const h = (v.w * s.h) / s.w;
    const cy = v.y + v.h / 2;
    view = { x: v.x, y: cy - h / 2, w: v.w, h: h };
    if (svg) svg.setAttribute("viewBox", [view.x, view.y, view.w, view.h].map((n) => n.toFixed(2)).join(" "));
  }
  function fitBox() {
    const s = size();
    const margin = 0.04;
    let w = full.w * (1 + margin);
    let h = full.h * (1 + margin);
    if (w / h < s.w / s.h) w = (h * s.w) / s.h;
    else h = (w * s.h) / s.w;
    // do not blow a small chart up beyond twice its size
    const minW = s.w / 2;
    if (w < minW) {
      h = (h * minW) / w;
      w = minW;
    }
    return { x: full.x + full.w / 2 - w / 2, y: full.y + full.h / 2 - h / 2, w: w, h: h };
  }
  function fitView(readable) {
    if (!full) return;
    const box = fitBox();
    const s = size();
    const minScale = 0.7;
    // a wide chart fitted whole cannot be read: show its top, at a scale where cards can be read,
    // around the first card drawn (a root)
    if (readable && s.w / box.w < minScale) {
      const w = s.w / minScale;
      const h = s.h / minScale;
      setView(box);
      let cx = full.x + full.w / 2;
      const first = svg && svg.querySelector("g.node.person");
      if (first) cx = toChart(screenPoint(first).x, 0).x;
      cx = Math.min(Math.max(cx, full.x + w / 2), full.x + full.w - w / 2);
      setView({ x: cx - w / 2, y: full.y, w: w, h: h });
      return;
    }
    setView(box);
  }
  /** Chart units of a screen point. */
  function toChart(px, py) {
    const s = size();
    return { x: view.x + ((px - s.left) / s.w) * view.w, y: view.y + ((py - s.top) / s.h) * view.h };
  }
  /** Where an element's centre is on the screen. */
  function screenPoint(node) {
    const r = node.getBoundingClientRect();
    return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
  }
  function zoomAt(factor, px, py) {
    if (!view) return;
    const s = size();
    if (px === undefined) {
      px = s.left + s.w / 2;
      py = s.top + s.h / 2;
    }
    const limitW = Math.max(full.w, full.h) * 4;
    let w = view.w / factor;
    w = Math.min(Math.max(w, s.w / 8), Math.max(limitW, s.w));
    const k = w / view.w;
    const p = toChart(px, py);
    setView({ x: p.x - (p.x - view.x) * k, y: p.y - (p.y - view.y) * k, w: w, h: view.h * k });
  }
  function centerOn(node, pixelsPerUnit) {
    if (!view) setView(fitBox());
    const s = size();
    const k = pixelsPerUnit || scale();
    const w = s.w / k;
    const h = s.h / k;
    const c = screenPoint(node);
    const p = toChart(c.x, c.y);
    // centre in the part of the chart no open panel covers (the right side; at phone width the top)
    const c0 = $("tg-chart").getBoundingClientRect();
    let visibleW = s.w;
    let visibleH = s.h;
    for (const id of ["tg-panel", "tg-gaps-panel"]) {
      const panel = $(id);
      if (panel.hidden) continue;
      const r = panel.getBoundingClientRect();
      if (narrow()) visibleH = Math.min(visibleH, Math.max(r.top - c0.top, s.h * 0.25));
      else if (id === "tg-panel") visibleW = Math.min(visibleW, Math.max(r.left - c0.left, s.w * 0.3));
    }
    const shift = s.w / 2 - visibleW / 2;
    const shiftY = s.h / 2 - visibleH / 2;
    setView({ x: p.x - w / 2 + shift / k, y: p.y - h / 2 + shiftY / k, w: w, h: h });
  }

  function setUpPanZoom() {
    const container = $("tg-chart");
    const pointers = new Map();
    let moved = 0;
    let last = null;
    let pinch = null;
    container.addEventListener("pointerdown", (event) => {
      if (event.button !== 0 && event.pointerType === "mouse") return;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.size === 1) {
        moved = 0;
        last = { x: event.clientX, y: event.clientY };
      } else if (pointers.size === 2) {
        const [a, b] = Array.from(pointers.values());
        pinch = { d: Math.hypot(a.x - b.x, a.y - b.y) || 1 };
      }
    });
    container.addEventListener("pointermove", (event) => {
      if (!pointers.has(event.pointerId) || !view) return;
      pointers.set(event.pointerId, { x: event.clientX, y: event.clientY });
      if (pointers.size === 2 && pinch) {
        const [a, b] = Array.from(pointers.values());
        const d = Math.hypot(a.x - b.x, a.y - b.y) || 1;
        zoomAt(d / pinch.d, (a.x + b.x) / 2, (a.y + b.y) / 2);
        pinch.d = d;
        moved += 10;
        return;
      }
      if (pointers.size !== 1 || !last) return;
      const dx = event.clientX - last.x;
      const dy = event.clientY - last.y;
      moved += Math.abs(dx) + Math.abs(dy);
      if (moved > 4) {
        if (!container.hasPointerCapture(event.pointerId)) container.setPointerCapture(event.pointerId);
        container.classList.add("dragging");
        const k = scale();
        setView({ x: view.x - dx / k, y: view.y - dy / k, w: view.w, h: view.h });
      }
      last = { x: event.clientX, y: event.clientY };
    });
    const end = (event) => {
      pointers.delete(event.pointerId);
      if (pointers.size < 2) pinch = null;
      if (pointers.size === 0) {
        last = null;
        container.classList.remove("dragging");
      }
    };
    container.addEventListener("pointerup", end);
    container.addEventListener("pointercancel", end);
    container.addEventListener(
      "wheel",
      (event) => {
        if (!view) return;
        event.preventDefault();
        const delta = event.deltaMode === 1 ? event.deltaY * 16 : event.deltaY;
        zoomAt(Math.exp(-delta * 0.0015), event.clientX, event.clientY);
      },
      { passive: false },
    );
    // a click that ended a drag is not a click on a card
    container.addEventListener(
      "click",
      (event) => {
        if (moved > 4) {
          event.stopPropagation();
          event.preventDefault();
          moved = 0;
          return;
        }
        const target = event.target instanceof Element ? event.target : null;
        const more = target && target.closest("g.node.more");
        const card = target && target.closest("g.node.person");
        if (more) {
          event.preventDefault();
          expandBranch(more.getAttribute("data-more"));
        } else if (card) {
          event.preventDefault();
          openPerson(card.getAttribute("data-person"));
        }
      },
      true,
    );
    container.addEventListener("keydown", (event) => {
      const target = event.target instanceof Element ? event.target : null;
      if (event.key === "Enter" || event.key === " ") {
        const more = target && target.closest("g.node.more");
        const card = target && target.closest("g.node.person");
        if (more) expandBranch(more.getAttribute("data-more"));
        else if (card) openPerson(card.getAttribute("data-person"));
        else return;
        event.preventDefault();
        return;
      }
      const k = scale();
      const step = 60 / k;
      const moves = {
        ArrowLeft: [-step, 0],
        ArrowRight: [step, 0],
        ArrowUp: [0, -step],
        ArrowDown: [0, step],
      };
      if (moves[event.key] && view) {
        setView({ x: view.x + moves[event.key][0], y: view.y + moves[event.key][1], w: view.w, h: view.h });
        event.preventDefault();
      } else if (event.key === "+" || event.key === "=") {
        zoomAt(1.25);
        event.preventDefault();
      } else if (event.key === "-") {
        zoomAt(0.8);
        event.preventDefault();
      } else if (event.key === "0") {
        fitView(false);
        event.preventDefault();
      }
    });
    $("tg-zoom-in").addEventListener("click", () => zoomAt(1.25));
    $("tg-zoom-out").addEventListener("click", () => zoomAt(0.8));
    $("tg-fit").addEventListener("click", () => fitView(false));
    let resizeTimer = 0;
    window.addEventListener("resize", () => {
      clearTimeout(resizeTimer);
      resizeTimer = setTimeout(() => {
        if (view) setView(view);
      }, 50);
    });
  }

  // ------------------------------------------------------------- actions

  function expandBranch(parent) {
    if (!parent) return;
    if (!state.expand.includes(parent)) state.expand.push(parent);
    loadChart({ anchor: parent });
  }

  /** Draws the person's line to the top (expand), centres on their card and highlights it. */
  async function focusPerson(id, openPanel) {
    if (!id) return;
    state.focus = id;
    if (!state.expand.includes(id)) state.expand.push(id);
    // open the panel first (its shell shows at once), so the card is centred beside it
    if (openPanel !== false) openPerson(id, { keepView: true });
    let ok = await loadChart({ center: id });
    if (ok && !cards.has(id) && state.roots.length) {
      // not under the chart's root: draw the whole network instead
      state.roots = [];
      ok = await loadChart({ center: id });
    }
    if (ok && !cards.has(id)) showNotice("That person is not in this chart.");
    markCards();
  }

  function setRoot(roots) {
    state.roots = roots;
    state.expand = [];
    loadChart({ fit: true });
  }

  async function upOneLevel() {
    if (!state.roots.length) return;
    try {
      const data = await getJSON("/api/people/" + encodeURIComponent(state.roots[0]), readParams());
      const chain = (data.chains && data.chains[state.by]) || [];
      const current = state.roots[0];
      state.roots = chain.length ? [chain[0].id] : [];
      state.expand = state.expand.filter((e) => e !== current).concat([current]);
      loadChart({ anchor: current });
    } catch (error) {
      showError("Could not go up a level", error);
    }
  }

  function updateScope() {
    $("tg-up").disabled = state.roots.length === 0;
    $("tg-whole").disabled = state.roots.length === 0 && state.expand.length === 0;
    const note = $("tg-scope-note");
    if (state.roots.length) {
      note.textContent = "Drawn from " + state.roots.join(", ") + " down";
      note.hidden = false;
    } else {
      note.hidden = true;
    }
  }

  function updateExports() {
    const q = queryString(chartParams());
    for (const format of ["svg", "png", "pdf"]) {
      $("tg-export-" + format).href = "/api/chart." + format + (q ? "?" + q : "");
    }
    $("tg-export-pages").href = "/api/chart.pdf?" + (q ? q + "&" : "") + "page=A4";
  }

  function updateControls() {
    $("tg-by-sponsor").setAttribute("aria-pressed", String(state.by === "sponsor"));
    $("tg-by-owner").setAttribute("aria-pressed", String(state.by === "owner"));
    $("tg-also").checked = state.also;
    $("tg-also-label").textContent = "show " + OTHER[state.by] + " lines dashed";
    $("tg-mark-gaps").checked = state.markGaps;
    $("tg-color").value = state.color;
    const select = $("tg-max-nodes");
    if (!Array.from(select.options).some((o) => o.value === String(state.maxNodes))) {
      select.append(el("option", { value: String(state.maxNodes), text: String(state.maxNodes) }));
    }
    select.value = String(state.maxNodes);
    document.body.setAttribute("data-by", state.by);
  }

  // ---------------------------------------------------------------- search

  function setUpSearch() {
    const input = $("tg-search");
    const list = $("tg-suggestions");
    let timer = 0;
    let asked = 0;
    let active = -1;
    let items = [];

    const close = () => {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    };
    const highlight = (index) => {
      active = index;
      Array.from(list.children).forEach((li, i) => li.setAttribute("aria-selected", String(i === index)));
      if (index >= 0 && list.children[index]) {
        input.setAttribute("aria-activedescendant", list.children[index].id);
        list.children[index].scrollIntoView({ block: "nearest" });
      }
    };
    const choose = (index) => {
      const item = items[index];
      if (!item) return;
      input.value = item.name || item.id;
      close();
      focusPerson(item.id);
    };
    const show = (found, text) => {
      items = found;
      clear(list);
      if (!found.length) {
        list.append(el("li", { class: "empty", role: "option", "aria-disabled": "true", text: "No one matches “" + text + "”" }));
      }
      found.forEach((item, index) => {
        const li = el(
          "li",
          { role: "option", id: "tg-suggestion-" + index, "data-person": item.id, "aria-selected": "false" },
          el("span", { class: "name", text: item.name || "(no name)" }),
          el("span", { class: "id", text: item.id }),
        );
        li.addEventListener("mousedown", (event) => event.preventDefault());
        li.addEventListener("click", () => choose(index));
        list.append(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
      highlight(found.length ? 0 : -1);
    };
    const ask = async () => {
      const text = input.value.trim();
      const number = ++asked;
      if (!text) {
        items = [];
        close();
        return;
      }
      try {
        const found = await getJSON("/api/people", readParams({ q: text, limit: "12" }));
        if (number === asked && input.value.trim() === text) show(found, text);
      } catch (error) {
        if (number === asked) showError("The search failed", error);
      }
    };
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(ask, 180);
    });
    input.addEventListener("keydown", (event) => {
      if (event.key === "ArrowDown") {
        if (list.hidden) ask();
        else if (items.length) highlight((active + 1) % items.length);
        event.preventDefault();
      } else if (event.key === "ArrowUp") {
        if (items.length) highlight((active - 1 + items.length) % items.length);
        event.preventDefault();
      } else if (event.key === "Enter") {
        event.preventDefault();
        clearTimeout(timer);
        if (!list.hidden && active >= 0) choose(active);
        else if (input.value.trim()) {
          // Enter before the suggestions came: ask now and take the best match
          const text = input.value.trim();
          getJSON("/api/people", readParams({ q: text, limit: "12" }))
            .then((found) => {
              if (found.length) {
                items = found;
                choose(0);
              } else show(found, text);
            })
            .catch((error) => showError("The search failed", error));
        }
      } else if (event.key === "Escape") {
        if (!list.hidden) {
          close();
          event.stopPropagation();
          event.preventDefault();
        }
      }
    });
    input.addEventListener("blur", () => setTimeout(close, 150));
  }

  // ----------------------------------------------------------- the panel

  function personLink(id, name) {
    const button = el("button", { type: "button", class: "link", "data-person": id, title: "Show " + id + " in the chart" });
    button.append(el("span", { class: "name", text: name || id }), " ", el("span", { class: "id", text: id }));
    button.addEventListener("click", () => focusPerson(id));
    return button;
  }

  function section(title, ...content) {
    return el("section", { class: "panel-section" }, el("h3", { text: title }), ...content);
  }

  async function openPerson(id, options) {
    if (!id) return;
    state.selected = id;
    const panel = $("tg-panel");
    const body = $("tg-panel-body");
    if (narrow()) closeGaps();
    panel.hidden = false;
    panel.setAttribute("data-person", id);
    panel.setAttribute("data-state", "loading");
    document.body.classList.add("panel-open");
    markCards();
    writeLocation();
    let data;
    try {
      data = await getJSON("/api/people/" + encodeURIComponent(id), readParams());
    } catch (error) {
      if (state.selected !== id) return;
      panel.setAttribute("data-state", "error");
      $("tg-panel-name").textContent = id;
      clear(body);
      body.append(el("p", { class: "error", text: "This person could not be loaded: " + error.message }));
      return;
    }
    if (state.selected !== id) return;
    panelData = data;
    renderPanel(data);
    panel.setAttribute("data-state", "ready");
    markCards();
    if (!(options && options.keepView) && cards.has(id) && narrow()) centerOn(cards.get(id));
  }

  function renderPanel(data) {
    const person = data.person || {};
    const body = $("tg-panel-body");
    $("tg-panel-name").textContent = person.name || person.id || "";
    clear(body);

    const actions = el("div", { class: "actions" });
    const focus = el("button", { type: "button", id: "tg-panel-focus", text: "Show in chart" });
    focus.addEventListener("click", () => focusPerson(person.id, false));
    const root = el("button", { type: "button", id: "tg-make-root", text: "Make root", title: "Draw the chart from this person down" });
    root.addEventListener("click", () => setRoot([person.id]));
    actions.append(focus, root);
    body.append(actions);

    // details: every field, extra columns too
    const dl = el("dl", { id: "tg-panel-details", class: "fields" });
    const names = {};
    for (const link of (data.chains && data.chains.sponsor) || []) names[link.id] = link.name;
    for (const link of (data.chains && data.chains.owner) || []) names[link.id] = link.name;
    for (const [key, label] of FIELD_LABELS) {
      let value = person[key];
      let shown;
      if ((key === "sponsor" || key === "owner") && value) shown = personLink(value, names[value]);
      else if (key === "team" && value) shown = person.teamName ? person.teamName + " (" + value + ")" : String(value);
      else shown = value === null || value === undefined || value === "" ? "—" : String(value);
      dl.append(el("dt", { text: label }), el("dd", { "data-field": key }, shown));
    }
    for (const [key, value] of Object.entries(person.extra || {})) {
      dl.append(el("dt", { text: key }), el("dd", { "data-field": "extra", text: value === null || value === "" ? "—" : String(value) }));
    }
    body.append(section("Details", dl));

    const metrics = el("dl", { id: "tg-panel-metrics", class: "fields metrics" });
    for (const [key, label] of METRIC_LABELS) {
      const value = data.metrics ? data.metrics[key] : null;
      metrics.append(el("dt", { text: label }), el("dd", { "data-metric": key, text: value === null || value === undefined ? "—" : String(value) }));
    }
    body.append(section("Numbers", metrics));

    // both chains, the drawn relation first
    const order = [state.by, OTHER[state.by]];
    for (const relation of order) {
      const chain = (data.chains && data.chains[relation]) || [];
      const list = el("ol", { class: "chain", id: "tg-chain-" + relation, "data-relation": relation });
      for (const link of chain) list.append(el("li", null, personLink(link.id, link.name)));
      const title = relation === "owner" ? "Owner chain (who answers for them, nearest first)" : "Sponsor line (upline, nearest first)";
      body.append(section(title, chain.length ? list : el("p", { class: "muted", text: "At the top: no " + relation + "." })));
    }

    for (const relation of order) {
      const under = (data.under && data.under[relation]) || { count: 0, people: [] };
      const list = el("ul", { class: "under", id: "tg-under-" + relation });
      for (const p of under.people || []) list.append(el("li", null, personLink(p.id, p.name)));
      const title = (relation === "owner" ? "Direct reports" : "Frontline (brought in)") + " · " + under.count;
      const parts = [];
      if (under.count === 0) parts.push(el("p", { class: "muted", text: "No one." }));
      else parts.push(list);
      if (under.count > (under.people || []).length) {
        parts.push(el("p", { class: "muted", text: "and " + (under.count - under.people.length) + " more" }));
      }
      body.append(section(title, ...parts));
    }

    const gaps = data.gaps || [];
    const gapList = el("ul", { class: "gaps", id: "tg-panel-gaps" });
    for (const gap of gaps) {
      gapList.append(
        el("li", { "data-kind": gap.kind }, el("strong", { text: GAP_LABELS[gap.kind] || gap.kind }), el("br"), el("span", { text: gap.detail || "" })),
      );
    }
    body.append(section("Gaps · " + gaps.length, gaps.length ? gapList : el("p", { class: "muted", text: "None." })));
    if (account && account.mayEdit) body.append(editSection(person));
    if (info && (info.store === true || info.source === "store")) body.append(historySection(person.id));
  }

  /** The edit panel of a card: owner, sponsor, status, role, name, with a reason and the day the change takes effect. */
  function editSection(person) {
    const box = el("div", { id: "tg-edit", class: "edit" });
    const reason = el("input", { id: "tg-edit-reason", placeholder: "why (recorded with the change)" });
    const effective = el("input", { id: "tg-edit-date", type: "date", title: "empty: today" });
    const message = el("p", { id: "tg-edit-message", class: "error", role: "alert" });
    const row = (label, field, value, kind, key, extra) => {
      const input = field === "status" ? el("select", { id: "tg-edit-" + field }) : el("input", { id: "tg-edit-" + field, value: value || "" });
      if (field === "status") {
        for (const status of ["newcomer", "active", "inactive", "left"]) {
          const option = el("option", { value: status, text: status });
          if (status === person.status) option.selected = true;
          input.append(option);
        }
      }
      const button = el("button", { type: "button", id: "tg-edit-" + field + "-save", text: label });
      button.addEventListener("click", () => {
        message.textContent = "";
        const body = Object.assign({ kind, person: person.id, reason: reason.value }, extra || {});
        if (effective.value) body.date = effective.value;
        body[key] = input.value;
        edit(body, message);
      });
      return el("div", { class: "edit-row" }, el("label", { for: "tg-edit-" + field, text: field }), input, button);
    };
    const moveRow = row("Move", "sponsor", person.sponsor, "move", "sponsor");
    moveRow.querySelector("button").title = "moves the downline along";
    box.append(
      el("div", { class: "edit-row" }, el("label", { for: "tg-edit-reason", text: "reason" }), reason),
      el("div", { class: "edit-row" }, el("label", { for: "tg-edit-date", text: "from" }), effective),
      row("Assign owner", "owner", person.owner, "assign", "owner"),
      moveRow,
      row("Set status", "status", person.status, "set", "status"),
      row("Set role", "role", person.role, "set", "role"),
      row("Rename", "name", person.name, "set", "name"),
      message,
    );
    return section("Edit", box);
  }

  /** Who changed what and why: the person's history in the store. */
  function historySection(id) {
    const list = el("ol", { id: "tg-history", class: "history" });
    getJSON("/api/history/" + encodeURIComponent(id))
      .then((changes) => {
        for (const change of changes) {
          const what = change.field === "added" ? "added" : change.field + ": " + (change.old || "—") + " → " + (change.new || "—");
          list.append(
            el(
              "li",
              { "data-author": change.author },
              el("span", { class: "date", text: change.date }),
              " ",
              el("span", { class: "what", text: what }),
              " · ",
              el("span", { class: "author", text: change.author }),
              change.reason ? el("span", { class: "reason", text: " — " + change.reason }) : null,
            ),
          );
        }
      })
      .catch(() => list.append(el("li", { class: "muted", text: "The history could not be loaded." })));
    return section("History", list);
  }

  /** The "assign owner" choices of an unowned newcomer: their sponsor line with room, nearest first. */
  async function assignFromGap(who, box) {
    clear(box);
    let suggestions;
    try {
      suggestions = await getJSON("/api/people/" + encodeURIComponent(who) + "/owner-suggestions", readParams());
    } catch (e) {
      box.append(el("span", { class: "error", text: e.message }));
      return;
    }
    if (!suggestions.length) box.append(el("span", { class: "muted", text: "Nobody on the sponsor line has room." }));
    for (const suggestion of suggestions) {
      const button = el("button", {
        type: "button",
        class: "suggestion",
        "data-owner": suggestion.id,
        text: "Assign " + (suggestion.name || suggestion.id) + " (" + suggestion.id + ", " + suggestion.reports + (suggestion.reports === 1 ? " report)" : " reports)"),
      });
      button.addEventListener("click", async () => {
        if (await edit({ kind: "assign", person: who, owner: suggestion.id, reason: "assigned from the gaps panel" })) {
          loadGaps();
          loadGapSummary();
        }
      });
      box.append(button);
    }
  }

  function closePanel() {
    const panel = $("tg-panel");
    if (panel.hidden) return false;
    panel.hidden = true;
    panel.removeAttribute("data-person");
    document.body.classList.remove("panel-open");
    state.selected = null;
    panelData = null;
    markCards();
    writeLocation();
    return true;
  }

  // --------------------------------------------------------------- gaps

  async function loadGapSummary() {
    try {
      const summary = await getJSON("/api/gaps/summary", readParams());
      $("tg-gaps-total").textContent = String(summary.total);
      const box = $("tg-gaps-kinds");
      clear(box);
      const all = el("button", { type: "button", class: "kind", "data-kind": "", "aria-pressed": String(state.gapKinds.length === 0) });
      all.append(el("span", { text: "All" }), " ", el("span", { class: "badge", text: String(summary.total) }));
      all.addEventListener("click", () => {
        state.gapKinds = [];
        loadGapSummary();
        loadGaps();
      });
      box.append(all);
      for (const [kind, count] of Object.entries(summary.kinds || {})) {
        const button = el("button", {
          type: "button",
          class: "kind" + (count === 0 ? " zero" : ""),
          "data-kind": kind,
          "aria-pressed": String(state.gapKinds.includes(kind)),
          title: kind,
        });
        button.append(el("span", { text: GAP_LABELS[kind] || kind }), " ", el("span", { class: "badge", text: String(count) }));
        button.addEventListener("click", () => {
          state.gapKinds = state.gapKinds.includes(kind) ? state.gapKinds.filter((k) => k !== kind) : state.gapKinds.concat([kind]);
          loadGapSummary();
          loadGaps();
        });
        box.append(button);
      }
    } catch (error) {
      showError("The gaps could not be counted", error);
    }
  }

  async function loadGaps() {
    const list = $("tg-gaps-list");
    const params = readParams();
    if (state.gapKinds.length) params.set("kind", state.gapKinds.join(","));
    list.setAttribute("data-state", "loading");
    try {
      const gaps = await getJSON("/api/gaps", params);
      clear(list);
      if (!gaps.length) list.append(el("li", { class: "muted", text: "No gaps of this kind." }));
      for (const gap of gaps) {
        const who = gap.person !== undefined && gap.person !== null ? gap.person : null;
        const head = el("span", { class: "who" });
        head.append(el("span", { class: "name", text: gap.name || who || gap.team || "" }), " ", el("span", { class: "id", text: who || gap.team || "" }));
        const content = [head, el("span", { class: "kind-label", text: GAP_LABELS[gap.kind] || gap.kind }), el("span", { class: "detail", text: gap.detail || "" })];
        let item;
        if (who) {
          const button = el("button", { type: "button", class: "gap", "data-person": who, "data-kind": gap.kind }, ...content);
          button.addEventListener("click", () => {
            if (narrow()) closeGaps();
            focusPerson(who);
          });
          item = el("li", null, button);
          if (account && account.mayEdit && gap.kind === "unowned-newcomer") {
            const choices = el("div", { class: "suggestions" });
            const assign = el("button", { type: "button", class: "assign-owner", "data-person": who, text: "Assign owner…" });
            assign.addEventListener("click", () => assignFromGap(who, choices));
            item.append(assign, choices);
          }
        } else {
          item = el("li", null, el("div", { class: "gap team-gap", "data-team": gap.team || "", "data-kind": gap.kind }, ...content));
        }
        list.append(item);
      }
      list.setAttribute("data-state", "ready");
    } catch (error) {
      list.setAttribute("data-state", "error");
      showError("The gaps could not be listed", error);
    }
  }

  function openGaps() {
    if (narrow()) closePanel();
    $("tg-gaps-panel").hidden = false;
    $("tg-gaps-button").setAttribute("aria-expanded", "true");
    document.body.classList.add("gaps-open");
    loadGapSummary();
    loadGaps();
  }
  function closeGaps() {
    if ($("tg-gaps-panel").hidden) return false;
    $("tg-gaps-panel").hidden = true;
    $("tg-gaps-button").setAttribute("aria-expanded", "false");
    document.body.classList.remove("gaps-open");
    return true;
  }

  // ------------------------------------------------------------ controls

  function setUpControls() {
    for (const id of ["tg-by-sponsor", "tg-by-owner"]) {
      $(id).addEventListener("click", (event) => {
        const by = event.currentTarget.getAttribute("data-by");
        if (by === state.by) return;
        state.by = by;
        updateControls();
        const keep = state.selected || state.focus;
        loadChart(keep ? { center: keep } : { fit: true });
      });
    }
    $("tg-also").addEventListener("change", (event) => {
      state.also = event.target.checked;
      loadChart({ same: true });
    });
    $("tg-mark-gaps").addEventListener("change", (event) => {
      state.markGaps = event.target.checked;
      loadChart({ same: true });
    });
    $("tg-color").addEventListener("change", (event) => {
      state.color = event.target.value;
      loadChart({ same: true });
    });
    $("tg-max-nodes").addEventListener("change", (event) => {
      state.maxNodes = parseInt(event.target.value, 10) || 150;
      loadChart({ fit: true });
    });
    $("tg-up").addEventListener("click", upOneLevel);
    $("tg-whole").addEventListener("click", () => {
      state.roots = [];
      state.expand = [];
      state.focus = null;
      loadChart({ fit: true });
    });
    $("tg-gaps-button").addEventListener("click", () => ($("tg-gaps-panel").hidden ? openGaps() : closeGaps()));
    $("tg-gaps-close").addEventListener("click", closeGaps);
    $("tg-panel-close").addEventListener("click", closePanel);
    $("tg-error-close").addEventListener("click", clearError);
    $("tg-notice-close").addEventListener("click", () => showNotice(""));
    $("tg-print").addEventListener("click", () => window.print());

    // with a store: the day the network is read as of, and the changes between two days
    $("tg-as-of").addEventListener("change", (event) => {
      state.asOf = event.target.value;
      refreshAll();
    });
    $("tg-diff-show").addEventListener("click", () => {
      const from = $("tg-diff-from").value;
      const to = $("tg-diff-to").value;
      if (!from || !to) {
        showError("Changes", new Error("choose both days first"));
        return;
      }
      state.diff = from + ".." + to;
      $("tg-diff-clear").hidden = false;
      loadChart({ same: true });
    });
    $("tg-diff-clear").addEventListener("click", () => {
      state.diff = "";
      $("tg-diff-clear").hidden = true;
      loadChart({ same: true });
    });

    // print the whole chart, fitted to the page, then come back to the same view
    let saved = null;
    window.addEventListener("beforeprint", () => {
      if (!svg || !full) return;
      saved = view;
      svg.setAttribute("viewBox", [full.x, full.y, full.w, full.h].join(" "));
    });
    window.addEventListener("afterprint", () => {
      if (saved) setView(saved);
      saved = null;
    });

    document.addEventListener("keydown", (event) => {
      const target = event.target;
      const typing =
        target instanceof HTMLElement && (target.isContentEditable || ["INPUT", "SELECT", "TEXTAREA"].includes(target.tagName));
      if (event.key === "/" && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        $("tg-search").focus();
        $("tg-search").select();
      } else if (event.key === "Escape") {
        if (closePanel() || closeGaps()) event.preventDefault();
      }
    });
    if (!narrow()) $("tg-options").open = true;
  }

  function refreshAll() {
    loadChart({ same: true });
    if (state.selected) openPerson(state.selected, { keepView: true });
    if (!$("tg-gaps-panel").hidden) {
      loadGaps();
    }
    loadGapSummary();
  }

  async function loadInfo() {
    try {
      info = await getJSON("/api/info");
      const people = info.people;
      $("tg-info").textContent = typeof people === "number" ? people.toLocaleString() + " people" : "";
      if (info.store === true || info.source === "store") {
        $("tg-store").hidden = false;
        if (state.asOf) $("tg-as-of").value = state.asOf;
        if (state.diff) {
          const [from, to] = state.diff.split("..");
          $("tg-diff-from").value = from || "";
          $("tg-diff-to").value = to || "";
          $("tg-diff-clear").hidden = false;
        }
      }
    } catch (error) {
      showError("The server did not answer", error);
    }
  }

  async function start() {
    if (!(await loadAccount())) return;
    readLocation();
    updateControls();
    updateScope();
    setUpPanZoom();
    setUpSearch();
    setUpControls();
    loadInfo();
    loadGapSummary();
    await loadChart({ fit: true });
    if (state.selected) openPerson(state.selected, { keepView: true });
    document.body.setAttribute("data-ready", "true");
  }

  window.addEventListener("error", (event) => {
    showError("Something went wrong in the page", event.error || new Error(event.message));
  });

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();

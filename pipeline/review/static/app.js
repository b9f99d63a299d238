// Review pages: plain JavaScript, no framework, served from the package.
"use strict";
function flash(el) { el.classList.add("flash"); setTimeout(() => el.classList.remove("flash"), 1500); }
function show(el) { if (!el) return; el.scrollIntoView({ behavior: "smooth", block: "center" }); flash(el); }

document.addEventListener("DOMContentLoaded", () => {
  // value -> evidence: the ¶ links of the record column
  document.querySelectorAll("a.ev").forEach(a => a.addEventListener("click", e => {
    e.preventDefault(); show(document.getElementById("ev-" + a.dataset.k));
  }));
  // evidence -> value: a highlighted span scrolls the record to its row
  document.querySelectorAll("#doc mark.hl").forEach(m => m.addEventListener("click", () => {
    if (window.getSelection().toString()) return;
    for (const k of (m.dataset.spans || "").split(" ")) {
      const link = document.querySelector('a.ev[data-k="' + k + '"]');
      if (link) { show(link.closest("[id^=v-]") || link); return; }
    }
  }));
  // the reviewer's name, kept in this browser and copied into every form
  const who = document.getElementById("who");
  if (who) {
    who.value = localStorage.getItem("reviewer") || who.value;
    who.addEventListener("change", () => localStorage.setItem("reviewer", who.value));
    document.querySelectorAll("form").forEach(f => f.addEventListener("submit", () => {
      f.querySelectorAll("input.who").forEach(i => { i.value = who.value; });
    }));
  }
  setupAdd();
  setupDrop();
});

// selecting text in the document offers to add a missed deadline or contact
function offset(node, off) {
  const el = node.nodeType === 3 ? node.parentElement : node;
  const seg = el && el.closest("[data-o]");
  if (!seg) return null;
  let n = 0;  // characters before `node` inside the segment
  const walker = document.createTreeWalker(seg, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) { if (walker.currentNode === node) break; n += walker.currentNode.length; }
  return { block: +seg.dataset.b, at: +seg.dataset.o + n + (node.nodeType === 3 ? off : 0) };
}
function guessDate(text) {
  const y = (document.querySelector("#v-signed_date .v") || {}).textContent || "";
  const m = text.match(/(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/);
  const year = m && (m[1] || (y.match(/^\d{4}/) || [])[0]);
  if (!m || !year) return "";
  return year + "-" + m[2].padStart(2, "0") + "-" + m[3].padStart(2, "0");
}
function setupAdd() {
  const form = document.getElementById("add-form"), doc = document.getElementById("doc");
  if (!form || !doc) return;
  const type = document.getElementById("add-type");
  type.addEventListener("change", () => {
    const dl = type.value === "deadline";
    form.querySelector(".for-deadline").hidden = !dl; form.querySelector(".for-contact").hidden = dl;
  });
  document.getElementById("add-cancel").addEventListener("click", () => { form.hidden = true; });
  doc.addEventListener("mouseup", () => {
    const sel = window.getSelection();
    if (!sel.rangeCount || sel.isCollapsed) return;
    const r = sel.getRangeAt(0);
    const a = offset(r.startContainer, r.startOffset), b = offset(r.endContainer, r.endOffset);
    if (!a || !b || a.block !== b.block || b.at <= a.at) return;
    const text = sel.toString();
    form.elements.block.value = a.block; form.elements.start.value = a.at; form.elements.end.value = b.at;
    document.getElementById("add-quote").textContent = "“" + text + "”";
    document.getElementById("add-value").value = text.trim();
    document.getElementById("add-due").value = guessDate(text);
    form.hidden = false;
  });
}

// the Add page: drop a file anywhere on the zone and it is sent
function setupDrop() {
  const zone = document.getElementById("drop"), input = document.getElementById("file");
  if (!zone || !input) return;
  ["dragenter", "dragover"].forEach(t => zone.addEventListener(t, e => { e.preventDefault(); zone.classList.add("over"); }));
  ["dragleave", "drop"].forEach(t => zone.addEventListener(t, e => { e.preventDefault(); zone.classList.remove("over"); }));
  zone.addEventListener("drop", e => {
    if (!e.dataTransfer.files.length) return;
    input.files = e.dataTransfer.files;
    document.getElementById("upload").submit();
  });
  input.addEventListener("change", () => { if (input.files.length) document.getElementById("upload").submit(); });
}

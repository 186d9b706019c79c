/* "verify" on a record's history: checks, in the browser, that the event is in the journal's
   latest signed tree head (RFC 9162 inclusion proof over SHA-256 leaves), and the head's
   Ed25519 signature where the browser supports it. Trusts nothing the server says without proof. */
(function () {
  "use strict";
  function hex(bytes) { return Array.from(bytes, function (b) { return b.toString(16).padStart(2, "0"); }).join(""); }
  function unhex(text) { var out = new Uint8Array(text.length / 2); for (var i = 0; i < out.length; i++) out[i] = parseInt(text.substr(2 * i, 2), 16); return out; }
  function unbase64(text) { return Uint8Array.from(atob(text), function (c) { return c.charCodeAt(0); }); }
  function concat(a, b, c) { var out = new Uint8Array(a.length + b.length + (c ? c.length : 0)); out.set(a, 0); out.set(b, a.length); if (c) out.set(c, a.length + b.length); return out; }
  function sha256(bytes) { return crypto.subtle.digest("SHA-256", bytes).then(function (d) { return new Uint8Array(d); }); }
  function json(url) { return fetch(url, { headers: { Accept: "application/json" } }).then(function (r) { if (!r.ok) throw new Error(url + ": " + r.status); return r.json(); }); }

  /* RFC 9162 section 2.1.3.2: the root from a leaf hash, its index, the tree size and the path. */
  async function rootFromInclusion(leafHash, index, size, path) {
    if (index >= size) throw new Error("index beyond tree");
    var fn = index, sn = size - 1, r = leafHash;
    for (var i = 0; i < path.length; i++) {
      var p = unhex(path[i]);
      if (sn === 0) throw new Error("path too long");
      if ((fn & 1) === 1 || fn === sn) {
        r = await sha256(concat(new Uint8Array([1]), p, r));
        if ((fn & 1) === 0) { while ((fn & 1) === 0 && fn !== 0) { fn = Math.floor(fn / 2); sn = Math.floor(sn / 2); } }
      } else {
        r = await sha256(concat(new Uint8Array([1]), r, p));
      }
      fn = Math.floor(fn / 2); sn = Math.floor(sn / 2);
    }
    if (sn !== 0) throw new Error("path too short");
    return r;
  }

  function u64(n) { var out = new Uint8Array(8); var v = BigInt(n); for (var i = 7; i >= 0; i--) { out[i] = Number(v & 255n); v >>= 8n; } return out; }

  async function signatureValid(head) {
    try {
      var key = await json("/api/v1/journal/key");
      var publicKey = await crypto.subtle.importKey("spki", unbase64(key.key), { name: "Ed25519" }, false, ["verify"]);
      var prefix = new TextEncoder().encode("quartermaster-journal-tree-head-v1\n");
      var signed = concat(prefix, concat(u64(head.treeSize), u64(head.timestampMillis)), unhex(head.rootHash));
      return await crypto.subtle.verify({ name: "Ed25519" }, publicKey, unbase64(head.signature), signed);
    } catch (e) {
      return null; /* this browser cannot check Ed25519 */
    }
  }

  async function verify(link) {
    var sequence = Number(link.getAttribute("data-sequence"));
    link.textContent = "…";
    try {
      var head = await json("/api/v1/journal/head");
      if (head.treeSize < sequence) throw new Error("not yet in a signed head (size " + head.treeSize + ")");
      var event = (await json("/api/v1/journal/events?from=" + sequence + "&to=" + sequence)).items[0];
      var leafHash = await sha256(concat(new Uint8Array([0]), unbase64(event.leaf)));
      var proof = await json("/api/v1/journal/proofs/inclusion?sequence=" + sequence + "&treeSize=" + head.treeSize);
      var root = await rootFromInclusion(leafHash, sequence - 1, head.treeSize, proof.path);
      if (hex(root) !== head.rootHash) throw new Error("proof does not lead to the signed root");
      var signed = await signatureValid(head);
      if (signed === false) throw new Error("the head's signature is not valid");
      link.textContent = "✓ " + link.getAttribute("data-ok") + " " + head.treeSize + (signed ? " (Ed25519 ✓)" : "");
      link.className = "verify ok";
      link.setAttribute("data-verified", "true");
    } catch (e) {
      link.textContent = "✗ " + link.getAttribute("data-fail") + ": " + e.message;
      link.className = "verify fail";
      link.setAttribute("data-verified", "false");
    }
  }

  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest("a.verify");
    if (!link) return;
    e.preventDefault();
    verify(link);
  });
})();

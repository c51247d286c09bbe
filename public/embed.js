// Debrief's recap box for another site: <script src="https://…/embed.js" data-event="slug" data-lang="fr" async></script>
// puts the event's box in a frame right after this script and keeps the frame as tall as the box.
(function () {
  var script = document.currentScript;
  if (!script || !script.src) return;
  var origin = new URL(script.src).origin;
  var slug = script.getAttribute("data-event") || "";
  var lang = script.getAttribute("data-lang") || "";
  if (!/^[a-z0-9-]{1,120}$/.test(slug)) return;
  var frame = document.createElement("iframe");
  frame.src = origin + "/embed/events/" + slug + (/^(fr|en)$/.test(lang) ? "?lang=" + lang : "");
  frame.title = script.getAttribute("data-title") || "Debrief";
  frame.setAttribute("loading", "lazy");
  frame.style.cssText = "display:block;width:100%;max-width:40rem;height:26rem;border:0";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    if (event.origin !== origin || event.source !== frame.contentWindow || !event.data || event.data.debrief !== "height") return;
    var height = Number(event.data.height);
    if (height > 0 && height < 20000) frame.style.height = height + "px";
  });
})();

// Jcrop, the focal point chooser of Wagtail's image editor, probes for touch events by
// writing an ontouchstart="return;" attribute, which the Content-Security-Policy refuses (an
// inline event handler). It is told the answer instead, found as Jcrop would otherwise.
// Runs after Jcrop has loaded and before the chooser starts it (on DOM ready).
if (window.jQuery && jQuery.Jcrop) {
  jQuery.Jcrop.defaults.touchSupport = "ontouchstart" in document.createElement("div");
}

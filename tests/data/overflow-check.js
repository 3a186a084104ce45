/*
 * Injected at the end of a page by tests/browser_fixture.c, run by
 * headless Chromium: reports, in a pre element (#gv-check) that --dump-dom
 * prints, the layout width and every element that does not fit it. With
 * GV_PRINT set, the page's own @media print rules are put in force first
 * (Chromium has no flag that emulates print media for --dump-dom): each
 * media query's "print" reads "all" and its "screen" a type no device
 * has, so the rules apply exactly as they would on paper.
 */
(function () {
	var print = typeof GV_PRINT !== "undefined" && GV_PRINT;
	var root = document.documentElement, found = [], applied = 0;

	function retype(list) {
		var media = [], i;

		if (/\bprint\b/.test(list.mediaText))
			applied++;
		for (i = 0; i < list.length; i++)
			media.push(list[i].replace(/\bprint\b/g, "all")
			                   .replace(/\bscreen\b/g, "gv-no-screen"));
		if (media.length)
			list.mediaText = media.join(", ");
	}

	function walk(rules) {
		var i;

		for (i = 0; i < rules.length; i++) {
			if (rules[i].media)
				retype(rules[i].media);
			if (rules[i].cssRules)
				walk(rules[i].cssRules);
		}
	}

	function name(e) {
		var n = e.tagName.toLowerCase(), text = e.textContent || "";

		if (e.id)
			n += "#" + e.id;
		if (typeof e.className === "string" && e.className)
			n += "." + e.className.trim().split(/\s+/).join(".");
		return n + " \"" + text.replace(/\s+/g, " ").trim().slice(0, 60) +
		       "\"";
	}

	function px(x) {
		return Math.round(x);
	}

	/* What is wrong with e, or null. An SVG element must stay inside its
	 * drawing (the outermost <svg>, which clips it); any other element
	 * inside the page, and its content inside its own box (a <pre> or a
	 * table that scrolls or is clipped loses text on paper). */
	function problem(e, W) {
		var r = e.getBoundingClientRect(), svg = null, p, R;

		if (e.tagName === "SCRIPT" || (!r.width && !r.height))
			return null;
		for (p = e.ownerSVGElement; p; p = p.ownerSVGElement)
			svg = p;
		if (svg) {
			R = svg.getBoundingClientRect();
			if (r.left < R.left - 0.5 || r.right > R.right + 0.5)
				return "outside its drawing (" + px(r.left) + ".." +
				       px(r.right) + " of " + px(R.left) + ".." +
				       px(R.right) + ")";
			return null;
		}
		if (r.left < -0.5 || r.right > W + 0.5)
			return "outside the page (" + px(r.left) + ".." +
			       px(r.right) + " of 0.." + W + ")";
		if (e.clientWidth && e.scrollWidth > e.clientWidth + 1)
			return (getComputedStyle(e).overflowX === "visible"
			                ? "overflows its box"
			                : "is clipped or scrolls") +
			       " (" + e.scrollWidth + " px in " + e.clientWidth +
			       ")";
		return null;
	}

	var i, j, W, all, why, lines, pre, inner;

	if (print)
		for (i = 0; i < document.styleSheets.length; i++) {
			retype(document.styleSheets[i].media);
			walk(document.styleSheets[i].cssRules);
		}
	W = root.clientWidth;
	all = document.body.querySelectorAll("*");
	for (i = 0; i < all.length; i++)
		if ((why = problem(all[i], W)))
			found.push({e: all[i], why: why});
	lines = ["width " + W + (print ? " print-rules " + applied : "")];
	if (root.scrollWidth > W)
		lines.push("the page is " + root.scrollWidth + " px wide");
	/* The innermost culprits: an element whose overflow comes from one
	 * inside it is not listed again. */
	for (i = 0; i < found.length && lines.length < 30; i++) {
		inner = true;
		for (j = 0; j < found.length && inner; j++)
			if (j !== i && found[i].e.contains(found[j].e))
				inner = false;
		if (inner)
			lines.push(name(found[i].e) + " " + found[i].why);
	}
	pre = document.createElement("pre");
	pre.id = "gv-check";
	pre.textContent = lines.join("\n");
	document.body.appendChild(pre);
})();

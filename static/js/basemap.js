// JJJ Atlas: the Map page's base map in the browser (boundaries, city labels, legend, the jjj helpers
// that the overlays call). Inlined into the map's script by geo/mapview.py (no request of its own);
// its data (styles, colours, shapes, labels, boundary addresses) comes from Python as one object.
window.jjj = window.jjj || {};

jjj.initBase = function(map, cfg) {
    var esc = function(s) {
        return String(s == null ? "" : s).replace(/[&<>"']/g, function(c) {
            return {"&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;"}[c];
        });
    };
    var styles = cfg.styles;
    var nameKey = cfg.nameKey;
    jjj.map = map;
    // Not animated: an animated fit reports the old zoom first and the new one 0.25 s later,
    // and each report reruns the page.
    // The region fills the map: a few pixels of padding, the zoom snapped finely (not to quarters).
    map.options.zoomSnap = 0.05;
    map.fitBounds(cfg.bounds, {animate: false, padding: [4, 4]});
    map.options.zoomSnap = 0.25;
    // streamlit-folium reports the map's view as soon as the map exists, and that report reruns
    // the page (the controls follow the map: pages/map.py). Hold the first report until the
    // boundaries have arrived: sooner, the page's rerun competes with loading them; later (once
    // drawn), the controls come later without the map coming sooner (bench/bench_map.py).
    if (window.Streamlit && !jjj.reportHeld) {
        jjj.reportHeld = true;
        var report = window.Streamlit.setComponentValue;
        var released = false, held, leaving = false;
        // A report that reaches Streamlit after a click on another page's link reruns this
        // page instead of opening that one: once such a link is clicked, stop reporting.
        var onParentClick = function(e) {
            var link = e.target.closest && e.target.closest("a[href]");
            if (link && link.pathname !== window.parent.location.pathname) { leaving = true; }
        };
        try {
            window.parent.document.addEventListener("click", onParentClick, true);
            window.addEventListener("pagehide", function() {
                window.parent.document.removeEventListener("click", onParentClick, true);
            });
        } catch (err) {}  // a parent on another origin: nothing to guard
        window.Streamlit.setComponentValue = function(value) {
            if (leaving) { return; }
            if (released) { return report(value); }
            if (held === undefined) {
                jjj.released.then(function() { released = true; if (!leaving) { report(held); } });
            }
            held = value;  // only the latest view is reported: one rerun, not one per report
        };
    }
    // streamlit-folium 0.27.4 reports a click 250 ms later (its report is debounced for panning);
    // a click means a choice, so report it at once. Leaflet handles the click on the container
    // first (it sets what was clicked), then this listener reports the same value streamlit-folium
    // would; its own report 250 ms later finds nothing new and sends nothing.
    map.getContainer().addEventListener("click", function() { jjj.reportNow(map); });
    if (map.keyboard) {
        // Leaflet focuses the map on mousedown; the host page then scrolls the iframe into
        // view and the mouseup lands elsewhere, so a first click on a symbol is lost.
        map.keyboard.disable();
        map.keyboard._onMouseDown = function() {
            if (!this._focused) { this._map._container.focus({preventScroll: true}); }
        };
        map.keyboard.enable();
    }
    jjj.guardWheel(map);
    jjj.shapes = cfg.shapes;
    jjj.shapePaths = cfg.shapePaths;  // the same shapes as SVG path data, for the canvas
    jjj.ink = cfg.ink;  // colours from geo/vocab.py, as data
    // jjjPoints: big point layers on one canvas (static/js/overlays.js), above the labels like markers
    // City labels lie above every symbol (Leaflet's markers and the jjjPoints canvas are at 600) and
    // the highlight ring, below tooltips (650) and popups (700); they catch no pointer.
    [["jjjBase", 350], ["jjjAreas", 380], ["jjjPoints", 600], ["jjjRing", 620], ["jjjLabels", 640]]
    .forEach(function(p) {
        map.createPane(p[0]).style.zIndex = p[1];
    });
    map.getPane("jjjLabels").style.pointerEvents = "none";
    map.getPane("jjjLabels").classList.add("jjj-labels-above");
    map.getPane("jjjRing").style.pointerEvents = "none";
    jjj.pointLayer = function(f, ll) {
        var p = f.properties;
        if (p.k === "station") {
            return L.circleMarker(ll, {radius: 3.5, color: jjj.ink.outline, weight: 1, fillColor: jjj.ink.halo,
                fillOpacity: 1, className: "jjj-station", bubblingMouseEvents: false});
        }
        var o = p.o || [0, 0];
        var svg = '<svg width="16" height="16" viewBox="0 0 16 16" fill="' + p.c +
            '" stroke="' + jjj.ink.outline + '" stroke-width="1.1">' + jjj.shapes[p.sh] + "</svg>";
        return L.marker(ll, {riseOnHover: true, icon: L.divIcon({className: "jjj-sym jjj-sym-" + p.k,
            html: svg, iconSize: [16, 16], iconAnchor: [8 - o[0], 8 - o[1]]})});
    };
    jjj.cityTip = {};
    jjj.styleCities = function(fills, tips, selected) {
        jjj.cityTip = tips;
        jjj.cityStyle = [fills, tips, selected];  // applied again when the detailed boundaries arrive
        var key = JSON.stringify([fills, selected]);
        if (key === jjj.cityStyleKey) { return; }  // a filter change leaves the colours alone
        jjj.cityStyleKey = key;
        jjj.counties.setStyle(function(f) {
            var fill = fills[f.properties.city_code];
            return fill ? {fillColor: fill, fillOpacity: 0.85}
                : {fillColor: styles.counties.fillColor, fillOpacity: styles.counties.fillOpacity};
        });
        jjj.cities.setStyle(function(f) {
            return f.properties.code === selected ? {color: jjj.ink.selected, weight: 4} : styles.cities;
        });
    };
    jjj.setLegend = function(content) {
        if (!jjj.legend) {
            jjj.legend = L.control({position: "bottomright"});
            jjj.legend.onAdd = function() {
                var div = L.DomUtil.create("div", "jjj-legend");
                L.DomEvent.disableClickPropagation(div);
                L.DomEvent.disableScrollPropagation(div);
                return div;
            };
            jjj.legend.addTo(map);
        }
        var box = jjj.legend.getContainer();
        // Closed on the page (open, it covered Tangshan and Qinhuangdao), open in a self-contained
        // export (cfg.legendOpen). A reader's choice sticks.
        var open = jjj.legendOpen !== undefined ? jjj.legendOpen : cfg.legendOpen;
        box.innerHTML = content;
        var details = box.querySelector("details");
        if (details) {
            details.open = open;
            details.addEventListener("toggle", function() { jjj.legendOpen = details.open; });
        }
    };
    cfg.labels.forEach(function(l) {
        L.marker([l[1], l[2]], {pane: "jjjLabels", interactive: false, icon: L.divIcon({
            className: "jjj-city-label-icon", iconSize: [0, 0],
            html: '<div class="jjj-city-label">' + esc(l[0]) + "</div>"})}).addTo(map);
    });
    // Two levels of detail: the overview copy first (its simplification is under a pixel
    // below DETAIL_ZOOM), the full file once the map is zoomed in; an export embeds the full one.
    var cityName = {};
    var draw = function(topo, detailed) {
        [jjj.counties, jjj.cities, jjj.provinces].forEach(function(l) { if (l) { map.removeLayer(l); } });
        topo.objects.cities.geometries.forEach(function(g) {
            cityName[g.properties.code] = g.properties[nameKey];
        });
        var layer = function(level, style, interactive) {
            return L.geoJson(topojson.feature(topo, topo.objects[level]), {pane: "jjjBase",
                className: {counties: "jjj-county", cities: "jjj-city", provinces: "jjj-province"}[level],
                interactive: interactive, style: function() { return style; }}).addTo(map);
        };
        jjj.counties = layer("counties", styles.counties, true).bindTooltip(function(l) {
            var p = l.feature.properties;
            return [esc(p[nameKey]), esc(cityName[p.city_code]), jjj.cityTip[p.city_code] || ""]
                .filter(Boolean).join("<br>");
        }, {sticky: true});
        jjj.cities = layer("cities", styles.cities, false);
        jjj.provinces = layer("provinces", styles.provinces, false);
        jjj.topo = topo;
        jjj.detailed = detailed;
        jjj.areaShapes = {};
        if (jjj.cityStyle) { jjj.cityStyleKey = null; jjj.styleCities.apply(null, jjj.cityStyle); }
        if (jjj.redrawAreas) { jjj.redrawAreas(); }
        return topo;
    };
    var fetchTopology = function(url) { return fetch(url).then(function(r) { return r.json(); }); };
    if (cfg.topology) {  // a self-contained export: the full boundaries are embedded
        jjj.ready = jjj.released = Promise.resolve(draw(cfg.topology, true));
        return;
    }
    jjj.released = fetchTopology(cfg.url);
    jjj.ready = jjj.released.then(function(topo) {
        return jjj.detailed ? jjj.topo : draw(topo, false);
    });
    var loadDetail = function() {
        if (map.getZoom() < cfg.detailZoom || jjj.loadingDetail) { return; }
        jjj.loadingDetail = Promise.all([fetchTopology(cfg.detailUrl), jjj.ready])
            .then(function(loaded) { draw(loaded[0], true); });
    };
    map.on("zoomend", loadDetail);
    jjj.ready.then(loadDetail);
};

// The page scrolls past the map (its export panel is below): the wheel zooms the map only after
// a click on it (until the pointer leaves it) or with ctrl/cmd held, as map embeds in long pages do.
// streamlit-folium's updateComponentValue (0.27.4), undebounced: the same value, built in the same
// order (its previous_data comparison is by JSON text), sent only when it differs from the last sent.
jjj.reportNow = function(map) {
    var g = window.__GLOBAL_DATA__;
    if (!g || !window.Streamlit || !map._loaded || g.wrap_longitude) { return; }  // wrapping: leave it to streamlit-folium
    var value = {
        last_clicked: g.lat_lng_clicked, last_object_clicked: g.last_object_clicked,
        last_object_clicked_count: g.last_object_clicked_count,
        last_object_clicked_tooltip: g.last_object_clicked_tooltip,
        last_object_clicked_popup: g.last_object_clicked_popup, all_drawings: g.all_drawings,
        last_active_drawing: g.last_active_drawing, last_geocoder_result: g.last_geocoder_result,
        bounds: map.getBounds(), zoom: map.getZoom(), last_circle_radius: g.last_circle_radius,
        last_circle_polygon: g.last_circle_polygon, center: map.getCenter(),
        selected_layers: Object.values(g.selected_layers || {}), selected_tags: g.selected_tags
    };
    var sent = g.returned_objects ? Object.fromEntries(Object.entries(value).filter(function(e) {
        return g.returned_objects.includes(e[0]);
    })) : value;
    if (JSON.stringify(g.previous_data) !== JSON.stringify(sent)) {
        g.previous_data = sent;
        window.Streamlit.setComponentValue(sent);
    }
};

jjj.guardWheel = function(map) {
    var box = map.getContainer();
    map.scrollWheelZoom.disable();
    map.on("mousedown focus", function() { map.scrollWheelZoom.enable(); });
    box.addEventListener("mouseleave", function() { map.scrollWheelZoom.disable(); });
    box.addEventListener("wheel", function(e) {
        if (map.scrollWheelZoom.enabled() || !(e.ctrlKey || e.metaKey) || !e.deltaY) { return; }
        e.preventDefault();  // not the browser's own page zoom
        map.setZoomAround(map.mouseEventToContainerPoint(e), map.getZoom() + (e.deltaY < 0 ? 1 : -1));
    }, {passive: false});
};

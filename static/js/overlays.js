// JJJ Atlas: what the Map page's changing overlays call (geo/overlays.py sends one call per overlay
// with its data). Loaded with the base map (inlined after basemap.js), so the overlays that arrive
// with every filter change carry data only.
window.jjj = window.jjj || {};

// A compact GeoJSON overlay: points as [lon, lat, properties], tooltips and cards in a side table.
// ``canvas``: many points, painted on one shared canvas with one tooltip and popup for the layer
// (geo/bigpoints.py); otherwise a DOM marker per point.
jjj.addOverlay = function(group, data, info, className, bubble, canvas) {
    var layer = jjj.buildOverlay(data, info, className, bubble, canvas);
    if (canvas) {
        jjj.drawn = jjj.drawn || {};
        var kind = className.replace(/^jjj-/, "");
        layer.on("add", function() { requestAnimationFrame(function() { jjj.drawn[kind] = data.length; }); });
        layer.on("remove", function() { jjj.drawn[kind] = 0; });
    }
    layer.addTo(group);
};

// The layer of jjj.addOverlay, not yet added to the map.
jjj.buildOverlay = function(data, info, className, bubble, canvas) {
    var features = data.map(function(f) {
        return f.length === 3 ? {type: "Feature", properties: f[2],
                                 geometry: {type: "Point", coordinates: [f[0], f[1]]}} : f;
    });
    var layer = L.geoJson({type: "FeatureCollection", features: features}, {
        pointToLayer: function(f, ll) { return canvas ? jjj.canvasPoint(f, ll) : jjj.pointLayer(f, ll); },
        style: function(f) { return Object.assign({bubblingMouseEvents: bubble}, f.properties.s); },
        className: className
    });
    // a card starting with "+" continues the tooltip text (sent once)
    var cardOf = function(i) { return i[1] && i[1].charAt(0) === "+" ? i[0] + "<br>" + i[1].slice(1) : i[1]; };
    if (canvas) {
        var infoOf = function(l) { return info[l.feature.properties.id] || ["", ""]; };
        layer.bindTooltip(function(l) { return infoOf(l)[0]; });
        layer.on("click", function(e) {
            var card = cardOf(infoOf(e.layer));
            if (card) { L.popup({maxWidth: 360}).setLatLng(e.latlng).setContent(card).openOn(e.layer._map); }
        });
    } else {
        layer.eachLayer(function(l) {
            var i = info[l.feature.properties.id];
            if (!i) { return; }
            l.bindTooltip(i[0], {sticky: !l.getLatLng});
            var card = cardOf(i);
            if (card) { l.bindPopup(card, {maxWidth: 360}); }
        });
    }
    return layer;
};

// A symbol on the shared canvas: the shape of jjj.pointLayer's SVG, painted from its path data.
jjj.CanvasSymbol = L.CircleMarker.extend({
    // drawn ``offset`` pixels from its point (a fanned-out symbol): hovering and clicking follow it
    _centre: function() { return this._point.add(L.point(this.options.offset)); },
    _updateBounds: function() {
        var r = this._radius + this._clickTolerance(), c = this._centre();
        this._pxBounds = L.bounds(c.subtract([r, r]), c.add([r, r]));
    },
    _containsPoint: function(p) { return p.distanceTo(this._centre()) <= this._radius + this._clickTolerance(); },
    _updatePath: function() {
        var r = this._renderer, c = this._centre();
        if (!r._drawing || this._empty()) { return; }
        var ctx = r._ctx, path = jjj.paths[this.options.shape] || jjj.paths.circle;
        ctx.save();
        ctx.translate(c.x - 8, c.y - 8);
        ctx.fillStyle = this.options.fillColor;
        ctx.fill(path);
        ctx.lineWidth = 1.1;
        ctx.strokeStyle = this.options.color;
        ctx.stroke(path);
        ctx.restore();
    }
});
jjj.canvasPoint = function(f, ll) {
    if (!jjj.paths) {
        jjj.paths = {};
        Object.keys(jjj.shapePaths).forEach(function(k) { jjj.paths[k] = new Path2D(jjj.shapePaths[k]); });
        jjj.pointCanvas = L.canvas({pane: "jjjPoints", padding: 0.3});
    }
    var p = f.properties;
    if (p.k === "station") { return jjj.pointLayer(f, ll); }
    return new jjj.CanvasSymbol(ll, {renderer: jjj.pointCanvas, radius: 8, shape: p.sh, offset: p.o || [0, 0],
        fillColor: p.c, color: jjj.ink.outline, bubblingMouseEvents: false});
};

// The 2+4 policy areas, merged in the browser from the base map's counties (no geometry is sent).
jjj.addPolicyAreas = function(group, list) {
    var areas = L.featureGroup().addTo(group);
    var draw = function() {
        var topo = jjj.topo, counties = topo.objects.counties.geometries;
        areas.clearLayers();
        list.forEach(function(area) {
            // merged once per boundary level, reused by every filter
            var shape = jjj.areaShapes[area.id] || (jjj.areaShapes[area.id] = topojson.merge(topo,
                counties.filter(function(g) {
                    return area.members.indexOf(g.properties.code) >= 0
                        || area.members.indexOf(g.properties.city_code) >= 0;
                })));
            L.geoJson(shape, {
                className: "jjj-" + area.role + " jjj-area-" + area.id,
                style: function() { return area.style; }
            // no popup: a click selects the city under the area, whose card the page offers
            }).bindTooltip(area.tip, {sticky: true}).addTo(areas);
        });
    };
    // the latest overlay redraws its areas when the detailed boundaries replace the overview
    jjj.redrawAreas = function() { if (group._map) { draw(); } };
    jjj.ready.then(draw);
};

// A big layer sent once (geo/bigpoints.py): each run names its payload by content key and the classes
// (cities) shown. The payload is fetched once and kept here by its key, with one canvas layer per
// class built when first shown, so a filter change re-adds built layers: nothing is parsed or built.
// A payload that cannot be fetched is reported to the page (a "drawing" of kind jjj-missing), whose
// next run embeds it (ref.data), as every run did before.
jjj.big = jjj.big || {};
jjj.addBigOverlay = function(group, ref) {
    var entry = jjj.big[ref.key];
    if (!entry && ref.data) { entry = jjj.big[ref.key] = {payload: ref.data, layers: {}}; }
    if (entry && entry.payload) { jjj.drawBig(group, ref, entry); return; }
    if (!entry) {
        entry = jjj.big[ref.key] = {layers: {}, waiting: []};
        fetch(ref.url).then(function(r) {
            if (!r.ok) { throw new Error(r.status); }
            return r.json();
        }).then(function(payload) {
            entry.payload = payload;
            entry.waiting.forEach(function(w) { if (w[0]._map) { jjj.drawBig(w[0], w[1], entry); } });
            entry.waiting = [];
        }).catch(function() {
            delete jjj.big[ref.key];
            jjj.reportMissing(ref.key);
        });
    }
    entry.waiting.push([group, ref]);
};
jjj.drawBig = function(group, ref, entry) {
    var shown = L.featureGroup();
    ref.kept.forEach(function(c) {
        var layer = entry.layers[c] || (entry.layers[c] = jjj.bigClassLayer(entry.payload, c, ref.className));
        if (layer.shownIn) { layer.shownIn.removeLayer(layer); }  // the previous run's group lets go of it
        layer.shownIn = shown;
        shown.addLayer(layer);
    });
    var kind = ref.className.replace(/^jjj-/, "");
    jjj.drawn = jjj.drawn || {};
    shown.on("add", function() { requestAnimationFrame(function() { jjj.drawn[kind] = ref.count; }); });
    shown.on("remove", function() { jjj.drawn[kind] = 0; });
    shown.addTo(group);
};
// The points of one class as a canvas overlay (jjj.buildOverlay's compact form).
jjj.bigClassLayer = function(p, c, className) {
    var data = [], info = {};
    for (var i = 0; i < p.cls.length; i++) {
        if (p.cls[i] !== c) { continue; }
        var props = Object.assign({id: p.ids[i]}, p.symbol);
        if (p.o[i]) { props.o = p.o[i]; }
        data.push([p.xy[2 * i], p.xy[2 * i + 1], props]);
        info[p.ids[i]] = [p.tips[i], p.cards[i]];
    }
    return jjj.buildOverlay(data, info, className, false, true);
};
jjj.reportMissing = function(key) {
    var state = window.__GLOBAL_DATA__, map = jjj.map;
    if (!state || !map) { return; }
    state.last_active_drawing = {type: "Feature", geometry: null, properties: {k: "jjj-missing", key: key}};
    map.fire("moveend");  // streamlit-folium reports its state on a move
};

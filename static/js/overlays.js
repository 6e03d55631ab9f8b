// JJJ Atlas: what the Map page's changing overlays call (geo/overlays.py sends one call per overlay
// with its data). Loaded with the base map (inlined after basemap.js), so the overlays that arrive
// with every filter change carry data only.
window.jjj = window.jjj || {};

// A compact GeoJSON overlay: points as [lon, lat, properties], tooltips and cards in a side table.
// ``canvas``: many points, painted on one shared canvas with one tooltip and popup for the layer
// (geo/bigpoints.py); otherwise a DOM marker per point.
jjj.addOverlay = function(group, data, info, className, bubble, canvas) {
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
        jjj.drawn = jjj.drawn || {};
        var kind = className.replace(/^jjj-/, "");
        layer.on("add", function() { requestAnimationFrame(function() { jjj.drawn[kind] = features.length; }); });
        layer.on("remove", function() { jjj.drawn[kind] = 0; });
    } else {
        layer.eachLayer(function(l) {
            var i = info[l.feature.properties.id];
            if (!i) { return; }
            l.bindTooltip(i[0], {sticky: !l.getLatLng});
            var card = cardOf(i);
            if (card) { l.bindPopup(card, {maxWidth: 360}); }
        });
    }
    layer.addTo(group);
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
                // beneath the lines and symbols whatever arrives first: a click on a line is the line's
                pane: "jjjAreas",
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

// A ring around the symbol of the entity searched or clicked (drawn ``offset`` pixels from its point,
// like a fanned-out symbol); in the group, so the next overlay replaces it.
jjj.highlight = function(group, lat, lon, offset) {
    var o = offset || [0, 0], size = 30;
    L.marker([lat, lon], {pane: "jjjRing", interactive: false, keyboard: false, icon: L.divIcon({
        className: "jjj-highlight", iconSize: [size, size], iconAnchor: [size / 2 - o[0], size / 2 - o[1]],
        html: '<div style="width:100%;height:100%;box-sizing:border-box;border-radius:50%;border:3px solid '
            + jjj.ink.selected + ';box-shadow:0 0 0 2px ' + jjj.ink.halo + ', inset 0 0 0 2px ' + jjj.ink.halo
            + '"></div>'})}).addTo(group);
};

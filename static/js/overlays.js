// JJJ Atlas: what the Map page's changing overlays call (geo/overlays.py sends one call per overlay
// with its data). Loaded with the base map (inlined after basemap.js), so the overlays that arrive
// with every filter change carry data only.
window.jjj = window.jjj || {};

// A compact GeoJSON overlay: points as [lon, lat, properties], tooltips and cards in a side table.
jjj.addOverlay = function(group, data, info, className, bubble) {
    var features = data.map(function(f) {
        return f.length === 3 ? {type: "Feature", properties: f[2],
                                 geometry: {type: "Point", coordinates: [f[0], f[1]]}} : f;
    });
    var layer = L.geoJson({type: "FeatureCollection", features: features}, {
        pointToLayer: function(f, ll) { return jjj.pointLayer(f, ll); },
        style: function(f) { return Object.assign({bubblingMouseEvents: bubble}, f.properties.s); },
        className: className
    });
    layer.eachLayer(function(l) {
        var i = info[l.feature.properties.id];
        if (!i) { return; }
        l.bindTooltip(i[0], {sticky: !l.getLatLng});
        // a card starting with "+" continues the tooltip text (sent once)
        var card = i[1] && i[1].charAt(0) === "+" ? i[0] + "<br>" + i[1].slice(1) : i[1];
        if (card) { l.bindPopup(card, {maxWidth: 360}); }
    });
    layer.addTo(group);
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

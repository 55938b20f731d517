# BufferPy (see BufferPy.zcfg): a buffer around the input geometries, with OGR, reading its input the way
# ZOO's documented Python OGR services (zoo-services/ogr/base-vect-ops-py, ogr_sp.py) do:
#   - an input with cache_file (ZOO's default for data given by value, and every cached reference) is opened
#     with OGR as a dataset;
#   - otherwise mimeType == "application/json" means a GeoJSON geometry in value, anything else GML.
# The result is GML when the output's mimeType contains text/xml (GML2/GML3 chosen from the mime type),
# GeoJSON for application/json. Written for these tests; it is not ZOO's code.
from osgeo import gdal, ogr

import zoo

gdal.UseExceptions()
ogr.UseExceptions()


def _geometries(conf, obj):
    if "cache_file" in obj:
        dataset = ogr.Open(obj["cache_file"])
        layer = dataset.GetLayer(0)
        geometries = []
        for feature in layer:
            geometry = feature.GetGeometryRef()
            if geometry is not None:
                geometries.append(geometry.Clone())
        return geometries
    if obj["mimeType"] == "application/json":
        return [ogr.CreateGeometryFromJson(obj["value"])]
    value = obj["value"]
    if value.startswith("<?xml"):
        value = value[value.index("?>") + 2:]
    return [ogr.CreateGeometryFromGML(value.strip())]


def _write(obj, geometries):
    mime_type = obj.get("mimeType", "")
    options = []
    if "text/xml" in mime_type:
        driver_name, extension = "GML", "xml"
        if "2." in mime_type:
            options = ["FORMAT=GML2"]
        elif "3.1" in mime_type:
            options = ["FORMAT=GML3"]
        else:
            options = ["FORMAT=GML3.2"]
    elif mime_type == "application/json":
        driver_name, extension = "GeoJSON", "json"
    else:
        raise ValueError("BufferPy cannot write %s" % mime_type)
    path = "/vsimem/bufferpy_result.%s" % extension
    driver = ogr.GetDriverByName(driver_name)
    dataset = driver.CreateDataSource(path, options=options)
    layer = dataset.CreateLayer("Result", None, ogr.wkbPolygon)
    for geometry in geometries:
        feature = ogr.Feature(layer.GetLayerDefn())
        feature.SetGeometry(geometry)
        layer.CreateFeature(feature)
        feature = None
    layer = None
    dataset = None
    handle = gdal.VSIFOpenL(path, "rb")
    gdal.VSIFSeekL(handle, 0, 2)
    size = gdal.VSIFTellL(handle)
    gdal.VSIFSeekL(handle, 0, 0)
    data = gdal.VSIFReadL(1, size, handle)
    gdal.VSIFCloseL(handle)
    gdal.Unlink(path)
    obj["value"] = data.decode("utf-8")


def BufferPy(conf, inputs, outputs):
    try:
        distance = float(inputs["BufferDistance"]["value"])
    except (KeyError, TypeError, ValueError):
        distance = 1.0
    geometries = _geometries(conf, inputs["InputPolygon"])
    buffered = [geometry.Buffer(distance) for geometry in geometries]
    _write(outputs["Result"], buffered)
    return zoo.SERVICE_SUCCEEDED

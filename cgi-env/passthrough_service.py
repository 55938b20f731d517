# ZooKernel.NET sample services: CopyRaster, CopyVector, BBoxEcho,
# PublishRaster and PublishVector (see their .zcfg files).
# Each returns its input unchanged so that end-to-end tests can compare the
# bytes sent with the bytes received.
import zoo

RASTER_EXTENSIONS = {"image/tiff": "tif", "image/png": "png", "image/jpeg": "jpg"}
VECTOR_EXTENSIONS = {
    "application/json": "json",
    "application/vnd.geo+json": "json",
    "application/geo+json": "geojson",
    "text/xml": "xml",
    "application/gml+xml": "gml",
}
BBOX_KEYS = ("crs", "dimensions", "lowerCorner", "upperCorner")


def _content(conf, inputs, name):
    """The input's content: "value" (str or bytes), or the bytes of
    "cache_file" when the kernel passes only the cached file
    ([main] memory=protected). None when the input is missing."""
    inp = inputs.get(name)
    if inp is None:
        return None
    value = inp.get("value")
    if value is not None and value != "NULL":
        return value
    cache_file = inp.get("cache_file")
    if cache_file:
        with open(cache_file, "rb") as f:
            return f.read()
    return None


def _copy(conf, inputs, outputs, in_name, extensions, service):
    data = _content(conf, inputs, in_name)
    if data is None:
        conf["lenv"]["message"] = zoo._("%s: no data received for the %s input.") % (service, in_name)
        return zoo.SERVICE_FAILED
    inp = inputs[in_name]
    out = outputs["Result"]
    out["value"] = data
    if isinstance(data, bytes):
        out["size"] = str(len(data))
    elif "size" in inp:
        out["size"] = inp["size"]
    # The bytes are the input's: describe them with the input's format.
    mime_type = inp.get("mimeType")
    if mime_type in extensions:
        out["mimeType"] = mime_type
        out["extension"] = extensions[mime_type]
        if "schema" in inp:
            out["schema"] = inp["schema"]
        elif "schema" in out:
            del out["schema"]
    return zoo.SERVICE_SUCCEEDED


def CopyRaster(conf, inputs, outputs):
    return _copy(conf, inputs, outputs, "InputRaster", RASTER_EXTENSIONS, "CopyRaster")


def CopyVector(conf, inputs, outputs):
    return _copy(conf, inputs, outputs, "InputVector", VECTOR_EXTENSIONS, "CopyVector")


def BBoxEcho(conf, inputs, outputs):
    bbox = inputs.get("InputBBox")
    if bbox is None or bbox.get("value") in (None, "", "NULL"):
        conf["lenv"]["message"] = zoo._("BBoxEcho: no bounding box received for the InputBBox input.")
        return zoo.SERVICE_FAILED
    out = outputs["Result"]
    out["value"] = bbox["value"]
    for key in BBOX_KEYS:
        if key in bbox:
            out[key] = bbox[key]
    return zoo.SERVICE_SUCCEEDED


def _publish(conf, inputs, outputs, service):
    # Unlabelled: the format the client asked for decides how the kernel
    # delivers it (a MapServer service, or the file itself).
    data = _content(conf, inputs, "InputData")
    if data is None:
        conf["lenv"]["message"] = zoo._("%s: no data received for the InputData input.") % service
        return zoo.SERVICE_FAILED
    outputs["Result"]["value"] = data
    return zoo.SERVICE_SUCCEEDED


def PublishRaster(conf, inputs, outputs):
    return _publish(conf, inputs, outputs, "PublishRaster")


def PublishVector(conf, inputs, outputs):
    return _publish(conf, inputs, outputs, "PublishVector")

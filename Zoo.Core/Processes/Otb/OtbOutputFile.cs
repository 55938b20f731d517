namespace Zoo.Core.Processes.Otb;

/// <summary>
/// The file an application writes an output to: OTB picks the driver from its extension, so the extension follows
/// the output's mime type as ZOO's OTB runner chose it (spec/otb2zcfg.md §1): PNG and JPEG images as such, any other
/// image as GeoTIFF; vectors as GML (text/xml), a shapefile (application/zip) or KML.
/// </summary>
public static class OtbOutputFile
{
    public static string Name(string serviceName, string outputName, string usid, string? mimeType) =>
        $"output_{serviceName}_{outputName}_{usid}.{Extension(mimeType)}";

    public static string Extension(string? mimeType)
    {
        var type = (mimeType ?? "").Split(';')[0].Trim().ToLowerInvariant();
        return type switch
        {
            "image/png" => "png",
            "image/jpeg" => "jpeg",
            "text/xml" => "gml",
            "application/zip" => "shp",
            "application/vnd.google-earth.kml+xml" => "kml",
            "application/json" => "geojson",
            "text/csv" => "csv",
            "text/plain" => "txt",
            _ => "tiff",
        };
    }
}

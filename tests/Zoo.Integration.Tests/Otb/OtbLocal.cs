using Zoo.Integration.Tests.Hpc;
using Zoo.Integration.Tests.Support;
using static Zoo.Integration.Tests.Execute.ExecuteRequests;

namespace Zoo.Integration.Tests.Otb;

/// <summary>Executes of the otb.* services (cgi-env/otb), and the same applications run by hand to compare with.</summary>
internal static class OtbLocal
{
    private const string ApplicationPath = "/usr/lib/x86_64-linux-gnu/otb/applications";

    /// <summary>A 2.0.0 Execute of <paramref name="identifier"/> asking for <c>out</c> by reference.</summary>
    public static string ExecuteXml(string identifier, string inputs, bool async)
    {
        var request = Xml20(identifier, inputs, Output20("out", "reference"));
        return async ? request.Replace("mode=\"sync\"", "mode=\"async\"", StringComparison.Ordinal) : request;
    }

    public static string Image(string name, string path) =>
        Data20(name, "mimeType=\"image/tiff\" encoding=\"base64\"", Convert.ToBase64String(File.ReadAllBytes(path)));

    /// <summary>The GML file inline (its root element: an XML declaration cannot stand inside the Execute request).</summary>
    public static string Gml(string name, string path) =>
        Data20(name, "mimeType=\"text/xml\" encoding=\"utf-8\"", System.Xml.Linq.XDocument.Load(path).Root!.ToString());

    public static string Literal(string name, string value) => Data20(name, "", X(value));

    /// <summary>The file the service wrote its <c>out</c> output to, in tmpPath.</summary>
    public static string OutputFile(ServiceDirectory services, string service, string extension) =>
        Directory.GetFiles(services.TmpPath, $"output_{service}_out_*.{extension}").Single();

    /// <summary>Runs <c>otbcli_&lt;App&gt;</c> with <paramref name="arguments"/>, as an operator would.</summary>
    public static void RunByHand(string application, IEnumerable<string> arguments) =>
        LocalCommand.Output("otbcli_" + application, arguments, new Dictionary<string, string> { ["ITK_AUTOLOAD_PATH"] = ApplicationPath });

    public static string Checksum(string raster) => BandMath.Checksum(raster);

    /// <summary>ogrinfo's feature count of the file's first layer.</summary>
    public static string FeatureCount(string vector) =>
        LocalCommand.Output("ogrinfo", ["-al", "-so", vector])
            .Split('\n').First(l => l.StartsWith("Feature Count:", StringComparison.Ordinal)).Trim();

    /// <summary>A GML file of <paramref name="count"/> points made by ogr2ogr from CSV; returns its path.</summary>
    public static string PointsGml(string directory, string name, int count, int offset)
    {
        var csv = Path.Combine(directory, name + ".csv");
        File.WriteAllLines(csv, new[] { "id,WKT" }.Concat(Enumerable.Range(0, count).Select(i => $"{i},\"POINT ({offset + i} {i})\"")));
        var gml = Path.Combine(directory, name + ".gml");
        LocalCommand.Output("ogr2ogr", ["-f", "GML", "-a_srs", "EPSG:4326", gml, csv]);
        return gml;
    }
}

namespace Zoo.Integration.Tests.Fuzz.Attacks;

/// <summary>Valid WPS 1.0.0 and 2.0.0 request documents for the bundled services: what the XML attacks start from.</summary>
public static class WpsDocuments
{
    public const string Wps10 = "xmlns:wps=\"http://www.opengis.net/wps/1.0.0\" xmlns:ows=\"http://www.opengis.net/ows/1.1\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
    public const string Wps20 = "xmlns:wps=\"http://www.opengis.net/wps/2.0\" xmlns:ows=\"http://www.opengis.net/ows/2.0\" xmlns:xlink=\"http://www.w3.org/1999/xlink\"";
    public const string Declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

    /// <summary>One valid document, chosen at random; synchronous only, never LongProcess, never raw output.</summary>
    public static string Any(Random random) => random.Next(14) switch
    {
        0 => GetCapabilities10(),
        1 => GetCapabilities20(),
        2 => DescribeProcess10(random.One(Hostile.Processes)),
        3 => DescribeProcess20(random.One(Hostile.Processes)),
        4 => Execute10("HelloPy", Literal10("a", random.Word(8)), Document10("Result")),
        5 => Execute10("Calculate", Literal10("numbers", "1") + Literal10("numbers", "2", "uom=\"kilometer\"") + Literal10("factor", "2"), Document10("Result")),
        6 => Execute10("CopyVector", Complex10("InputVector", "mimeType=\"application/json\"", "{\"type\":\"FeatureCollection\",\"features\":[]}"), Document10("Result")),
        7 => Execute10("CopyVector", Complex10("InputVector", "mimeType=\"text/xml\"", "<gml:FeatureCollection xmlns:gml=\"http://www.opengis.net/gml\"><gml:featureMember/></gml:FeatureCollection>"), Document10("Result")),
        8 => Execute10("BBoxEcho", "<wps:Input><ows:Identifier>InputBBox</ows:Identifier><wps:Data><wps:BoundingBoxData crs=\"EPSG:4326\" dimensions=\"2\"><ows:LowerCorner>0 0</ows:LowerCorner><ows:UpperCorner>1 1</ows:UpperCorner></wps:BoundingBoxData></wps:Data></wps:Input>", Document10("Result")),
        9 => Execute20("ogc.tests.Echo", Data20("message", "", random.Word(10)), Output20("Result")),
        10 => Execute20("ogc.tests.Reverse-Text", Data20("text", "", random.Word(10)), Output20("Result")),
        11 => Execute20("demo.WordCount", Data20("text", "mimeType=\"text/plain\"", "one two\nthree"), Output20("Words") + Output20("Summary")),
        12 => Execute10("CopyVector", Reference10("InputVector", random.One(References)), Document10("Result")),
        _ => Job20(random.One(["GetStatus", "GetResult", "Dismiss"]), random.One(Hostile.BadJobIds)),
    };

    /// <summary>Where inputs by reference point: files outside allowedPaths, the secret, a refused port, tmpUrl traversal.</summary>
    public static readonly string[] References =
    [
        "file:///etc/passwd", "file://" + OutsideWorld.SecretFile, "http://127.0.0.1:1/x", "http://127.0.0.1:8080/temp/../../../../etc/passwd",
        "http://127.0.0.1:8080/temp/..%2f..%2fmain.cfg", "file:///proc/self/environ", "gopher://127.0.0.1:1/_x", "ftp://127.0.0.1:1/x",
        "jar:file:///etc/passwd!/", "data:text/plain,hello", "/etc/passwd", "../../main.cfg", "http://[::1]:1/", "http://user:pass@127.0.0.1:1/",
    ];

    public static string GetCapabilities10() =>
        $"{Declaration}<wps:GetCapabilities service=\"WPS\" language=\"en-US\" {Wps10}><wps:AcceptVersions><ows:Version>1.0.0</ows:Version></wps:AcceptVersions></wps:GetCapabilities>";

    public static string GetCapabilities20() =>
        $"{Declaration}<wps:GetCapabilities service=\"WPS\" {Wps20}><ows:AcceptVersions><ows:Version>2.0.0</ows:Version></ows:AcceptVersions></wps:GetCapabilities>";

    public static string DescribeProcess10(string identifier) =>
        $"{Declaration}<wps:DescribeProcess service=\"WPS\" version=\"1.0.0\" {Wps10}><ows:Identifier>{identifier}</ows:Identifier></wps:DescribeProcess>";

    public static string DescribeProcess20(string identifier) =>
        $"{Declaration}<wps:DescribeProcess service=\"WPS\" version=\"2.0.0\" {Wps20}><ows:Identifier>{identifier}</ows:Identifier></wps:DescribeProcess>";

    public static string Execute10(string identifier, string inputs, string responseForm) =>
        $"{Declaration}<wps:Execute service=\"WPS\" version=\"1.0.0\" {Wps10}><ows:Identifier>{identifier}</ows:Identifier><wps:DataInputs>{inputs}</wps:DataInputs><wps:ResponseForm>{responseForm}</wps:ResponseForm></wps:Execute>";

    public static string Literal10(string name, string value, string attributes = "") =>
        $"<wps:Input><ows:Identifier>{name}</ows:Identifier><wps:Data><wps:LiteralData {attributes}>{value}</wps:LiteralData></wps:Data></wps:Input>";

    public static string Complex10(string name, string attributes, string content) =>
        $"<wps:Input><ows:Identifier>{name}</ows:Identifier><wps:Data><wps:ComplexData {attributes}>{content}</wps:ComplexData></wps:Data></wps:Input>";

    public static string Reference10(string name, string href) =>
        $"<wps:Input><ows:Identifier>{name}</ows:Identifier><wps:Reference xlink:href=\"{System.Security.SecurityElement.Escape(href)}\" mimeType=\"application/json\"/></wps:Input>";

    public static string Document10(string output) =>
        $"<wps:ResponseDocument><wps:Output><ows:Identifier>{output}</ows:Identifier></wps:Output></wps:ResponseDocument>";

    public static string Execute20(string identifier, string inputs, string outputs) =>
        $"{Declaration}<wps:Execute service=\"WPS\" version=\"2.0.0\" response=\"document\" mode=\"sync\" {Wps20}><ows:Identifier>{identifier}</ows:Identifier>{inputs}{outputs}</wps:Execute>";

    public static string Data20(string name, string attributes, string content) =>
        $"<wps:Input id=\"{name}\"><wps:Data {attributes}>{content}</wps:Data></wps:Input>";

    public static string Output20(string name) => $"<wps:Output id=\"{name}\" transmission=\"value\"/>";

    public static string Job20(string operation, string id) =>
        $"{Declaration}<wps:{operation} service=\"WPS\" version=\"2.0.0\" {Wps20}><wps:JobID>{System.Security.SecurityElement.Escape(id)}</wps:JobID></wps:{operation}>";
}

using System.Text;

namespace Zoo.Integration.Tests.Fuzz.Attacks;

/// <summary>Drawing from a <see cref="Random"/>: one of, a chance, a size spread over orders of magnitude.</summary>
public static class Draw
{
    public static T One<T>(this Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];

    public static bool Chance(this Random random, double probability) => random.NextDouble() < probability;

    /// <summary>An integer in [min, max] whose logarithm is uniform: as many small as huge.</summary>
    public static int LogUniform(this Random random, int min, int max) =>
        (int)Math.Clamp(Math.Round(Math.Exp(Math.Log(min) + random.NextDouble() * (Math.Log(max) - Math.Log(min)))), min, max);

    /// <summary>The text with each letter in a random case.</summary>
    public static string AnyCase(this Random random, string text) =>
        random.Chance(0.5) ? text : string.Concat(text.Select(c => random.Chance(0.5) ? char.ToUpperInvariant(c) : char.ToLowerInvariant(c)));

    public static string Repeat(string unit, int times) => new StringBuilder(unit.Length * times).Insert(0, unit, times).ToString();

    /// <summary>Letters and digits.</summary>
    public static string Word(this Random random, int length) =>
        new(Enumerable.Range(0, length).Select(_ => "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"[random.Next(62)]).ToArray());
}

/// <summary>
/// The values the attacks are made of: the bundled services and their inputs, and what hostile clients put
/// where a name, a value or an escape is expected. None of them starts an asynchronous job (no status=true,
/// storeExecuteResponse=true or mode=async/auto) or a long run (LongProcess is only ever asked with a
/// duration that is refused or 0): those are scheduled separately and counted.
/// </summary>
public static class Hostile
{
    /// <summary>Processes of the bundled configuration whose synchronous run is quick (or refused).</summary>
    public static readonly string[] Processes =
    [
        "HelloPy", "Calculate", "CopyVector", "CopyRaster", "BBoxEcho", "FailingService", "ogc.tests.Echo",
        "ogc.tests.Reverse-Text", "demo.WordCount", "hpc.BandMath", "FinalizeHPC1",
    ];

    /// <summary>Names that are not processes, or that try to leave the service directory.</summary>
    public static readonly string[] BadIdentifiers =
    [
        "", "..", "../..", "../../../../etc/passwd", "a..b", "%2e%2e", "%2e%2e%2f%2e%2e%2fmain", "..%2FHelloPy", "ogc/tests/Echo",
        "ogc..tests.Echo", ".HelloPy", "HelloPy%00.zcfg", "HelloPy/", "/etc/passwd", "..%5c..%5cmain", "ogc.tests..Echo", "ogc.tests.",
        ".", "~root", "%c0%ae%c0%ae%c0%af", "%25%32%65%25%32%65", "main", "main.cfg", "HelloPy.zcfg", "test_service", "demo.demo_service",
        "ogc.%2e%2e.Echo", "hpc.BandMath/../../x", "helloPY", "HELLOPY", "Hello Py", "HelloPy%0d%0aX-Injected:%201", "%00", "%ff%fe",
        "GetStatus", "FinalizeHPC", "all,..", "ogc.tests.Echo.zcfg", "ogc.tests.tests_service", "..." + OutsideWorld.EscapeName,
        "*", "?", "[HelloPy]", "HelloPy;rm -rf /", "$(touch /tmp/" + OutsideWorld.EscapeName + ")", "`id`",
    ];

    public static readonly string[] Versions = ["1.0.0", "2.0.0", "1.0", "2.0", "3.0.0", "1.0.0,2.0.0", "", "0", "1.0.0%00", "2.0.0 ", "v1", "%ff"];

    public static readonly string[] Requests =
        ["GetCapabilities", "DescribeProcess", "Execute", "GetStatus", "GetResult", "Dismiss", "getcapabilities", "", "Execute%00", "Describe", "DeleteEverything"];

    public static readonly string[] Services = ["WPS", "wps", "WMS", "", "WPS%00", "WPS,WPS", "%ff"];

    public static readonly string[] Languages =
    [
        "en-US", "fr-FR", "en-CA", "*", "de", "", "../../etc/passwd", "en-US%0d%0aX-Injected:%201", "en-US;q=0.5", "x-" + new string('a', 300),
        "%ff%fe", "en_US.UTF-8", "../../../../tmp/" + OutsideWorld.EscapeName,
    ];

    /// <summary>Strings that are not job ids, or that try to name files outside tmpPath.</summary>
    public static readonly string[] BadJobIds =
    [
        "", "1", "not-a-uuid", "../../../etc/passwd", "00000000-0000-0000-0000-000000000000", "6F9619FF-8B86-D011-B42D-00C04FC964FF",
        "{6f9619ff-8b86-d011-b42d-00c04fc964ff}", "6f9619ff-8b86-d011-b42d-00c04fc964ff/../../" + OutsideWorld.EscapeName,
        "6f9619ff-8b86-d011-b42d-00c04fc964ff%00", "6f9619ff-8b86-d011-b42d-00c04fc964ff%0a", "*", "?", "..%2f..%2fmain.cfg", "%00",
        "6f9619ff8b86d011b42d00c04fc964ff", "6f9619ff-8b86-d011-b42d-00c04fc964ff.status", "main", "../main", "..", ".",
        "6f9619ff-8b86-d011-b42d-00c04fc964f", "6f9619ff-8b86-d011-b42d-00c04fc964fff", "6f9619ff-8b86-d011-b42d-00c04fc964fg",
        "' OR '1'='1", "$(id)", "%2e%2e%2f%2e%2e%2f" + OutsideWorld.EscapeName,
    ];

    /// <summary>Escapes a parser must survive: invalid, truncated, overlong UTF-8, NUL, CR LF, surrogates.</summary>
    public static readonly string[] Escapes =
    [
        "%", "%0", "%zz", "%g1", "%%", "%00", "%0d%0a", "%0D%0AX-Injected:%201", "%c0%ae", "%e0%80%ae", "%c0%80", "%ff%fe", "%ed%a0%80",
        "%f4%90%80%80", "%c3%28", "%c3", "+", "%2B", "%26", "%3D", "%3B", "%40", "%25", "%7f", "%1b[31m", "%e2%80%ae", "%ef%bb%bf", "%u0041",
        "%2e%2e%2f", "%5c", "%22", "%3C", "%3E",
    ];

    /// <summary>ZOO's input attributes in DataInputs (key=value after @), kernel-owned keys included.</summary>
    public static readonly string[] InputAttributes =
    [
        "mimeType=text/plain", "mimeType=text/xml", "mimeType=application/json", "mimeType=text/html%0d%0aX-Injected:1",
        "mimeType=" + new string('x', 200), "encoding=base64", "encoding=UTF-8", "encoding=x-unknown", "schema=file:///etc/passwd",
        "uom=meter", "uom=kilometer", "uom=../../etc", "dataType=string", "dataType=xs:evil",
        "cache_file=/etc/passwd", "cache_file=" + OutsideWorld.SecretFile, "cache_file=/tmp/" + OutsideWorld.EscapeName,
        "href=file:///etc/passwd", "xlink:href=file://" + OutsideWorld.SecretFile, "xlink:href=http://127.0.0.1:1/x",
        "href=http://127.0.0.1:8080/temp/../../../../etc/passwd", "href=gopher://127.0.0.1:1/", "href=%00",
        "isFile=true", "size=-1", "size=99999999999999999999", "length=1000000", "isArray=true", "tmpl=/etc/passwd",
        "storage=/tmp/" + OutsideWorld.EscapeName, "fmimeType=text/html", "inRequest=false", "extension=../../" + OutsideWorld.EscapeName,
        "value=injected", "asReference=true", "useMapserver=true", "crs=EPSG:4326", "dimensions=2", "@", "=", "", "a=b=c",
    ];

    /// <summary>Output specifications for ResponseDocument / RawDataOutput.</summary>
    public static readonly string[] OutputSpecs =
    [
        "Result", "Result@asReference=true", "Result@mimeType=text/html%0d%0aX-Injected:1", "Result@mimeType=text/xml",
        "Result@extension=../../" + OutsideWorld.EscapeName, "Result@extension=/../../../tmp/" + OutsideWorld.EscapeName,
        "Result@uom=meter", "Result@uom=%0d%0a", "Result@encoding=base64", "Result@schema=file:///etc/passwd",
        "Words;Lines;Summary", "Summary@asReference=true@mimeType=application/json", "NoSuch", "", "@", ";;;", "Result@@@",
        "Result@asReference=true@extension=..%2f..%2f" + OutsideWorld.EscapeName, "Result@mimeType=" + new string('a', 1000),
        "Result@useMapserver=true", "Result@cache_file=/etc/passwd", "Result@storage=/tmp/" + OutsideWorld.EscapeName,
    ];

    /// <summary>Input names: the bundled services' (never LongProcess's duration) and others.</summary>
    public static readonly string[] InputNames =
    [
        "a", "numbers", "factor", "offset", "operation", "label", "InputVector", "InputRaster", "InputBBox", "message", "text", "il", "exp",
        "out", "JobId", "sid", "", "A", "a..b", "../a", "a%00", "a%0d%0a", "cache_file", "lenv", "conf", "main", "__class__", "=",
    ];

    public static readonly string[] InputValues =
    [
        "x", "1", "2", "0", "-1", "1e308", "NaN", "Infinity", "-0", "0x10", "HelloPy", "", "sum", "mean", "max", "10", "99", "100",
        "0,0,1,1,EPSG:4326", "0,0,1,1", "1,1,0,0,EPSG:4326", "a,b,c,d", "0,0,1,1,EPSG:99999", "{}", "{\"type\":\"FeatureCollection\"}",
        "<a/>", "%3Ca%2F%3E", "aGVsbG8=", "!!!notbase64", "file:///etc/passwd", "http://127.0.0.1:1/", "@", "=", ";", "%0d%0a",
        "$(touch /tmp/" + OutsideWorld.EscapeName + ")", "'; import os; os.system('id') #", "\"\"\"", "__import__('os')",
    ];

    /// <summary>Makes a value hostile to a KVP parser: escaped (wholly, partly, wrongly), '+' for spaces, junk escapes inserted.</summary>
    public static string Mangle(Random random, string value)
    {
        var text = random.Next(5) switch
        {
            0 => Uri.EscapeDataString(value),
            1 => string.Concat(value.Select(c => random.Chance(0.3) ? Escaped(c) : c.ToString())),
            2 => value.Replace(' ', '+'),
            _ => value,
        };
        var inserts = random.Chance(0.4) ? random.Next(1, 4) : 0;
        for (var i = 0; i < inserts; i++)
        {
            var at = random.Next(text.Length + 1);
            text = text[..at] + random.One(Escapes) + text[at..];
        }
        return text;
    }

    /// <summary>A character percent-escaped even where it need not be (letters, '/', '.').</summary>
    public static string Escaped(char c) => c < 0x80 ? $"%{(int)c:X2}" : Uri.EscapeDataString(c.ToString());

    /// <summary>A DataInputs value: pieces name=value@attribute=...@... joined by ';'.</summary>
    public static string DataInputs(Random random, int pieces, int maxAttributes)
    {
        var text = new StringBuilder();
        for (var i = 0; i < pieces; i++)
        {
            if (i > 0)
                text.Append(';');
            text.Append(random.One(InputNames)).Append('=').Append(random.One(InputValues));
            var attributes = random.Next(maxAttributes + 1);
            for (var j = 0; j < attributes; j++)
                text.Append('@').Append(random.One(InputAttributes));
        }
        return text.ToString();
    }

    /// <summary>Latin-1 mapping of chars to bytes, for building raw (non-UTF-8) query strings.</summary>
    public static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);
}

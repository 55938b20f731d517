using System.Text;

namespace Zoo.Integration.Tests.Fuzz.Attacks;

/// <summary>
/// GET requests (key=value query strings): what a browser address bar, a script or a scanner can send.
/// Linux refuses an environment string over 128 KiB, so no query string here exceeds 120 KiB.
/// </summary>
public static class KvpAttacks
{
    public const int MaxQueryBytes = 120 * 1024;

    private static readonly string[] Keys =
    [
        "service", "version", "request", "Identifier", "DataInputs", "ResponseDocument", "RawDataOutput", "JobID", "metapath",
        "language", "AcceptVersions", "lineage", "response", "mode",
    ];

    /// <summary>A random mix of the WPS keys in random case with plausible, broken and hostile values.</summary>
    public static FuzzRequest Mix(Random random) => FuzzRequest.Get(MixQuery(random));

    public static string MixQuery(Random random)
    {
        var pairs = new List<string>();
        foreach (var key in Keys)
        {
            var likely = key is "service" or "version" or "request" or "Identifier" ? 0.75 : 0.25;
            if (!random.Chance(likely))
                continue;
            var count = random.Chance(0.1) ? random.Next(2, 4) : 1;
            for (var i = 0; i < count; i++)
                pairs.Add(Key(random, key) + "=" + Hostile.Mangle(random, Value(random, key)));
        }
        if (random.Chance(0.15))
            pairs.Add(random.One(["", "=", "&", "service", "=x", "%73ervice=WPS", "service =WPS", "ser%00vice=WPS", "%ff=1", "a=b=c", "&&&"]));
        if (random.Chance(0.5))
            random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(pairs));
        var query = string.Join(random.Chance(0.95) ? "&" : random.One(["&&", ";", "&amp;"]), pairs);
        return query.Length > MaxQueryBytes ? query[..MaxQueryBytes] : query;
    }

    /// <summary>As <see cref="Mix"/>, with raw bytes ≥ 0x80 and control characters put as they are into QUERY_STRING.</summary>
    public static FuzzRequest RawBytes(Random random)
    {
        var query = Encoding.UTF8.GetBytes(MixQuery(random)).ToList();
        var junk = random.Next(1, 20);
        for (var i = 0; i < junk; i++)
        {
            byte[] raw = random.Next(6) switch
            {
                0 => [(byte)random.Next(0x80, 0x100)],
                1 => [0xC0, 0xAE],
                2 => [0xED, 0xA0, 0x80],
                3 => [0xFF, 0xFE],
                4 => [(byte)random.One([0x01, 0x09, 0x0A, 0x0D, 0x1B, 0x7F])],
                _ => [0xE2, 0x80, 0xAE],
            };
            query.InsertRange(random.Next(query.Count + 1), raw);
        }
        return FuzzRequest.Get([.. query]);
    }

    /// <summary>One value of up to 120 KiB: identifiers, inputs, languages, versions, job ids that fill an environment string.</summary>
    public static FuzzRequest LongValue(Random random)
    {
        var (prefix, key) = random.Next(6) switch
        {
            0 => ("service=WPS&version=1.0.0&request=DescribeProcess", "Identifier"),
            1 => ("service=WPS&version=1.0.0&request=Execute&Identifier=HelloPy", "DataInputs"),
            2 => ("service=WPS&request=GetCapabilities", "language"),
            3 => ("service=WPS&request=GetCapabilities", "AcceptVersions"),
            4 => ("service=WPS&version=2.0.0&request=GetStatus", "JobID"),
            _ => ("service=WPS&version=1.0.0&request=Execute&Identifier=ogc.tests.Echo&DataInputs=message=x", "ResponseDocument"),
        };
        var length = random.LogUniform(10 * 1024, MaxQueryBytes - prefix.Length - key.Length - 16);
        var unit = random.One(["A", "%41", "%", "%c3%a9", "..%2f", "a=", "@", ";", "x@mimeType=text/xml", "%00", "+", random.Word(7)]);
        var value = key == "DataInputs" && random.Chance(0.5) ? "a=" + Fill(unit, length - 2) : Fill(unit, length);
        return FuzzRequest.Get($"{prefix}&{key}={value}");
    }

    /// <summary>DataInputs of thousands of ';' pieces and '@' attributes, kernel-owned keys included (cache_file, storage, ...).</summary>
    public static FuzzRequest ManyPieces(Random random)
    {
        var process = random.One(Hostile.Processes);
        var prefix = $"service=WPS&version=1.0.0&request=Execute&Identifier={process}&DataInputs=";
        var room = MaxQueryBytes - prefix.Length - 200;
        var inputs = random.Next(5) switch
        {
            // a=x@y@y@y...: thousands of bare '@' pieces
            0 => "a=x" + Fill("@y", random.LogUniform(100, room - 3)),
            // numbers=1;numbers=2;...: thousands of occurrences (Calculate takes maxOccurs=unbounded)
            1 => string.Join(';', Enumerable.Range(0, random.LogUniform(100, 20000)).Select(i => "numbers=" + i)),
            // ;;;;: empty pieces
            2 => "a=x" + Fill(";", random.LogUniform(100, room - 3)),
            // many attributes on one input
            3 => "a=x" + string.Concat(Enumerable.Range(0, random.LogUniform(10, 3000)).Select(_ => "@" + random.One(Hostile.InputAttributes))),
            _ => Hostile.DataInputs(random, random.LogUniform(1, 3000), 4),
        };
        if (inputs.Length > room)
            inputs = inputs[..room];
        var output = random.Chance(0.3) ? "&ResponseDocument=" + random.One(Hostile.OutputSpecs)
            : random.Chance(0.2) ? "&RawDataOutput=" + random.One(Hostile.OutputSpecs) : "";
        return FuzzRequest.Get(prefix + inputs + output);
    }

    /// <summary>A few input pieces with hostile attributes and outputs: the @-syntax attacks at normal sizes.</summary>
    public static FuzzRequest HostileAttributes(Random random)
    {
        var process = random.One(Hostile.Processes);
        var query = $"service=WPS&version=1.0.0&request=Execute&Identifier={process}&DataInputs={Hostile.DataInputs(random, random.Next(1, 4), 3)}";
        if (random.Chance(0.5))
            query += (random.Chance(0.5) ? "&ResponseDocument=" : "&RawDataOutput=") + random.One(Hostile.OutputSpecs);
        if (random.Chance(0.2))
            query += "&lineage=" + random.One(["true", "false", "TRUE", "1", "%00"]);
        return FuzzRequest.Get(query);
    }

    /// <summary>DescribeProcess of thousands of identifiers: Identifier=a,b,c,...</summary>
    public static FuzzRequest ManyIdentifiers(Random random)
    {
        var prefix = $"service=WPS&version={random.One(["1.0.0", "2.0.0"])}&request=DescribeProcess&Identifier=";
        var pool = random.Next(3) switch
        {
            0 => Hostile.Processes,
            1 => ["HelloPy"],
            _ => Hostile.BadIdentifiers.Concat(Hostile.Processes).Concat(["all"]).ToArray(),
        };
        var names = new StringBuilder();
        var wanted = random.LogUniform(100, 20000);
        for (var i = 0; i < wanted && names.Length < MaxQueryBytes - prefix.Length - 64; i++)
            names.Append(i > 0 ? "," : "").Append(random.One(pool));
        return FuzzRequest.Get(prefix + names);
    }

    /// <summary>Identifiers and metapaths that try to leave the service directory, in every operation that names a file.</summary>
    public static FuzzRequest Traversal(Random random)
    {
        var bad = random.One(Hostile.BadIdentifiers);
        return FuzzRequest.Get(random.Next(6) switch
        {
            0 => $"service=WPS&version=1.0.0&request=DescribeProcess&Identifier={bad}",
            1 => $"service=WPS&version=2.0.0&request=DescribeProcess&Identifier={bad}",
            2 => $"service=WPS&version=1.0.0&request=Execute&Identifier={bad}&DataInputs=a=x",
            3 => $"service=WPS&request=GetCapabilities&metapath={bad}",
            4 => $"service=WPS&version=1.0.0&request=DescribeProcess&Identifier={random.One(Hostile.Processes)}&metapath={random.One(["ogc", "ogc/tests", "../..", "/tmp", "..%2f..", "ogc/../..", "demo/..", "/", "%00"])}",
            _ => $"service=WPS&version=1.0.0&request=Execute&Identifier=ogc.tests.Echo&DataInputs=message={Uri.EscapeDataString(bad)}&metapath={bad}",
        });
    }

    /// <summary>GetStatus, GetResult, Dismiss and ZOO's 1.0.0 GetStatus service with job ids that are not job ids.</summary>
    public static FuzzRequest BadJobIds(Random random)
    {
        var id = random.Chance(0.8) ? random.One(Hostile.BadJobIds) : Hostile.Mangle(random, random.One(Hostile.BadJobIds));
        var operation = random.One(["GetStatus", "GetResult", "Dismiss"]);
        return FuzzRequest.Get(random.Next(4) switch
        {
            0 or 1 => $"service=WPS&version=2.0.0&request={operation}&JobID={id}",
            2 => $"request=Execute&service=WPS&version=1.0.0&Identifier=GetStatus&DataInputs=sid={id}&RawDataOutput=Result",
            _ => $"service=WPS&version=1.0.0&request=Execute&Identifier=FinalizeHPC1&DataInputs=JobId={id}",
        });
    }

    /// <summary>
    /// Well-formed requests, among them synchronous runs of the Python services (about 60 % of these, so a few
    /// per cent of all requests): a hardened kernel must still answer what it is for, and quickly.
    /// </summary>
    public static FuzzRequest Valid(Random random)
    {
        var version = random.One(["1.0.0", "2.0.0"]);
        return FuzzRequest.Get(random.Next(10) switch
        {
            0 => $"service=WPS&request=GetCapabilities&language={random.One(["en-US", "fr-FR", "en-CA"])}",
            1 => $"service=WPS&request=GetCapabilities&AcceptVersions={version}",
            2 => $"service=WPS&version={version}&request=DescribeProcess&Identifier={random.One(Hostile.Processes.Append("all").ToArray())}",
            3 => "service=WPS&version=1.0.0&request=DescribeProcess&Identifier=HelloPy,Calculate,ogc.tests.Echo",
            4 => $"service=WPS&version=1.0.0&request=Execute&Identifier=HelloPy&DataInputs=a={Uri.EscapeDataString(random.Word(random.Next(1, 40)))}"
                 + random.One(["", "&RawDataOutput=Result", "&ResponseDocument=Result", "&ResponseDocument=Result@asReference=true&lineage=true"]),
            5 => $"service=WPS&version=1.0.0&request=Execute&Identifier=Calculate&DataInputs=numbers=1;numbers=2.5@uom=kilometer;factor=2;operation={random.One(["sum", "mean", "min", "max"])}",
            6 => $"service=WPS&version=1.0.0&request=Execute&Identifier=ogc.tests.Echo&DataInputs=message={Uri.EscapeDataString(random.Word(12))}",
            7 => "service=WPS&version=1.0.0&request=Execute&Identifier=BBoxEcho&DataInputs=InputBBox=0,0,1,1,EPSG:4326&ResponseDocument=Result",
            8 => $"service=WPS&version=1.0.0&request=Execute&Identifier=demo.WordCount&DataInputs=text={Uri.EscapeDataString("a b\nc")}@mimeType=text/plain",
            _ => "service=WPS&version=1.0.0&request=Execute&Identifier=FailingService",
        });
    }

    /// <summary>Hostile values in the other variables a web server sets: host, port, script name, languages, credentials.</summary>
    public static FuzzRequest Environment(Random random)
    {
        var request = random.Chance(0.5) ? Valid(random) : Mix(random);
        if (request.QueryString.AsSpan().IndexOf("Execute"u8) >= 0 && random.Chance(0.7))
            request = FuzzRequest.Get("service=WPS&version=1.0.0&request=DescribeProcess&Identifier=HelloPy");
        byte[][] values =
        [
            "localhost\r\nX-Injected: 1"u8.ToArray(), "\"><script>"u8.ToArray(), [0xFF, 0xFE, 0x41], Encoding.UTF8.GetBytes(new string('h', 100_000)),
            "example.org:99999"u8.ToArray(), "-1"u8.ToArray(), "../../../etc/passwd"u8.ToArray(), "fr-FR,fr;q=0.9,en;q=NaN,*;q=-1"u8.ToArray(),
            Encoding.UTF8.GetBytes(string.Join(',', Enumerable.Range(0, 5000).Select(i => $"x{i};q=0.{i % 10}"))), "on"u8.ToArray(), ""u8.ToArray(),
            "Basic Zm9vOmJhcg=="u8.ToArray(), "a=b; c=\r\nd"u8.ToArray(), "/cgi-bin/zoo_loader.cgi/../../x"u8.ToArray(), [0xC0, 0xAE, 0x2F],
        ];
        string[] names = ["SERVER_NAME", "SERVER_PORT", "SCRIPT_NAME", "HTTPS", "HTTP_HOST", "HTTP_ACCEPT_LANGUAGE", "HTTP_COOKIE",
            "HTTP_AUTHORIZATION", "REQUEST_URI", "PATH_INFO", "REMOTE_ADDR", "HTTP_X_FORWARDED_FOR", "HTTP_USER_AGENT", "SERVER_SOFTWARE"];
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
            request = request.WithVariable(random.One(names), random.One(values));
        return request;
    }

    private static string Key(Random random, string key) => random.Chance(0.05) ? Hostile.Mangle(random, key) : random.AnyCase(key);

    private static string Value(Random random, string key) => key switch
    {
        "service" => random.One(Hostile.Services),
        "version" => random.One(Hostile.Versions),
        "request" => random.One(Hostile.Requests),
        "Identifier" => random.Chance(0.6) ? random.One(Hostile.Processes)
            : random.Chance(0.5) ? random.One(Hostile.BadIdentifiers)
            : string.Join(',', Enumerable.Range(0, random.Next(2, 6)).Select(_ => random.One(Hostile.Processes))),
        "DataInputs" => Hostile.DataInputs(random, random.Next(1, 6), 2),
        "ResponseDocument" or "RawDataOutput" => random.One(Hostile.OutputSpecs),
        "JobID" => random.One(Hostile.BadJobIds),
        "metapath" => random.One(["", "ogc", "ogc/tests", "../..", "/etc", "..%2f", "demo", "hpc", "ogc/tests/../../.."]),
        "language" => random.One(Hostile.Languages),
        "AcceptVersions" => random.One(["1.0.0", "2.0.0", "1.0.0,2.0.0", "9.9.9", "", ",,,", string.Join(',', Enumerable.Repeat("1.0.0", 500))]),
        "lineage" => random.One(["true", "false", "yes", ""]),
        "response" => random.One(["document", "raw", "RAW", "", "both"]),
        "mode" => random.One(["sync", "SYNC", "", "bogus"]), // never async or auto: those start workers
        _ => "",
    };

    private static string Fill(string unit, int length) => Draw.Repeat(unit, length / unit.Length + 1)[..length];
}

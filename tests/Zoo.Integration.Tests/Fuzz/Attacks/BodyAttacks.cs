using System.Globalization;
using System.Text;

namespace Zoo.Integration.Tests.Fuzz.Attacks;

/// <summary>Request bodies and what the web server says about them: lying lengths, form bodies, huge bodies, odd methods.</summary>
public static class BodyAttacks
{
    private const long MiB = 1024 * 1024;

    /// <summary>CONTENT_LENGTH that lies either way, or is missing, negative or not a number.</summary>
    public static FuzzRequest ContentLengthLies(Random random)
    {
        var document = random.Chance(0.6) ? Encoding.UTF8.GetBytes(WpsDocuments.Any(random)) : Encoding.UTF8.GetBytes(KvpAttacks.MixQuery(random));
        var contentType = document[0] == '<' ? "text/xml" : "application/x-www-form-urlencoded";
        var request = FuzzRequest.Post(FuzzBody.Of(document), contentType);
        return random.Next(9) switch
        {
            // says 10, sends more: up to 1 MB of trailing junk after the document
            0 => request with { ContentLength = "10", Body = FuzzBody.Concat(document, ("junk ", random.LogUniform(1, (int)(MiB / 5)))) },
            // says 1 GB (or just over the 64 MiB limit), sends a few bytes
            1 => request with { ContentLength = random.One(["1073741824", "67108865", "67108864", "9223372036854775807"]), Body = FuzzBody.Of(document[..Math.Min(10, document.Length)]) },
            // says a little more than it sends: the reader meets the end of input early
            2 => request with { ContentLength = (document.Length + random.LogUniform(1, 100_000)).ToString(CultureInfo.InvariantCulture) },
            // says less than the document: a truncated read
            3 => request with { ContentLength = random.Next(0, document.Length).ToString(CultureInfo.InvariantCulture) },
            4 => request with { OmitContentLength = true },
            5 => request with { ContentLength = random.One(["-1", "-10", "-9223372036854775808", "-0"]) },
            6 => request with { ContentLength = random.One(["abc", "10abc", " 10", "10 ", "1e3", "0x10", "+10", "", "99999999999999999999999", "1,000", "\u0661\u0660", "NaN", "010"]) },
            // a GET with a body: web servers pass it on
            7 => request with { Method = "GET"u8.ToArray(), QueryString = "service=WPS&request=GetCapabilities"u8.ToArray() },
            _ => request with { ContentType = random.One(["", "text/plain", "application/json", "multipart/form-data; boundary=x", "text/xml; charset=\"x", "*/*"]) },
        };
    }

    /// <summary>application/x-www-form-urlencoded bodies carrying the KVP attacks, some over a megabyte, with and without a query string.</summary>
    public static FuzzRequest FormBodies(Random random)
    {
        var kvp = random.Next(6) switch
        {
            0 => KvpAttacks.LongValue(random),
            1 => KvpAttacks.ManyPieces(random),
            2 => KvpAttacks.ManyIdentifiers(random),
            3 => KvpAttacks.RawBytes(random),
            4 => KvpAttacks.Traversal(random),
            _ => KvpAttacks.Mix(random),
        };
        var body = kvp.QueryString;
        if (random.Chance(0.15))
        {
            // Bigger than any environment string: only a body can carry it.
            body = [.. body, .. Encoding.UTF8.GetBytes("&DataInputs=a=" + new string('x', random.LogUniform(200_000, 2_000_000)))];
        }
        var contentType = random.One(["application/x-www-form-urlencoded", "application/x-www-form-urlencoded; charset=ISO-8859-1",
            "APPLICATION/X-WWW-FORM-URLENCODED", "application/x-www-form-urlencoded;;;", "multipart/form-data; boundary=----x"]);
        return FuzzRequest.Post(FuzzBody.Of(body), contentType, random.Chance(0.2) ? "service=WPS&request=GetCapabilities" : "");
    }

    /// <summary>Methods a CGI may be handed: PUT, DELETE, HEAD, OPTIONS, lower case, garbage, none at all.</summary>
    public static FuzzRequest Methods(Random random)
    {
        byte[] method = random.Next(14) switch
        {
            0 => "PUT"u8.ToArray(),
            1 => "DELETE"u8.ToArray(),
            2 => "HEAD"u8.ToArray(),
            3 => "OPTIONS"u8.ToArray(),
            4 => "PATCH"u8.ToArray(),
            5 => "TRACE"u8.ToArray(),
            6 => "get"u8.ToArray(),
            7 => "post"u8.ToArray(),
            8 => ""u8.ToArray(),
            9 => [0x47, 0xC3, 0xA9, 0x54],
            10 => "GET POST"u8.ToArray(),
            11 => Encoding.ASCII.GetBytes(new string('P', random.LogUniform(10, 100_000))),
            12 => [0x50, 0x4F, 0x53, 0x54, 0x01, 0xFF],
            _ => "CONNECT"u8.ToArray(),
        };
        var request = random.Chance(0.5)
            ? FuzzRequest.Post(WpsDocuments.Any(random))
            : KvpAttacks.Valid(random) is var valid && valid.QueryString.AsSpan().IndexOf("Execute"u8) < 0 ? valid : KvpAttacks.Mix(random);
        return request with { Method = random.Chance(0.05) ? null : method };
    }

    /// <summary>60 MiB of inline GeoJSON for CopyVector, whose .zcfg allows 16 MB (maximumMegabytes=16).</summary>
    public static FuzzRequest InlineComplexDataOverItsLimit(Random random)
    {
        const string feature = "{\"type\":\"Feature\",\"properties\":{\"name\":\"fuzz\"},\"geometry\":{\"type\":\"Point\",\"coordinates\":[1.5,2.5]}},";
        var count = (int)(60 * MiB / feature.Length);
        var head = $"{WpsDocuments.Declaration}<wps:Execute service=\"WPS\" version=\"1.0.0\" {WpsDocuments.Wps10}><ows:Identifier>CopyVector</ows:Identifier><wps:DataInputs><wps:Input><ows:Identifier>InputVector</ows:Identifier><wps:Data><wps:ComplexData mimeType=\"application/json\">{{\"type\":\"FeatureCollection\",\"features\":[";
        var tail = "{\"type\":\"Feature\",\"properties\":{},\"geometry\":null}]}</wps:ComplexData></wps:Data></wps:Input></wps:DataInputs><wps:ResponseForm><wps:RawDataOutput><ows:Identifier>Result</ows:Identifier></wps:RawDataOutput></wps:ResponseForm></wps:Execute>";
        return FuzzRequest.Post(FuzzBody.Concat(head, (feature, count), tail));
    }

    /// <summary>A 70 MiB body, over the 64 MiB body limit: announced truthfully, or sent with no CONTENT_LENGTH at all.</summary>
    public static FuzzRequest BodyOverTheLimit(bool announced)
    {
        var head = $"{WpsDocuments.Declaration}<wps:Execute service=\"WPS\" version=\"1.0.0\" {WpsDocuments.Wps10}><ows:Identifier>ogc.tests.Echo</ows:Identifier><wps:DataInputs><wps:Input><ows:Identifier>message</ows:Identifier><wps:Data><wps:LiteralData>";
        var tail = "</wps:LiteralData></wps:Data></wps:Input></wps:DataInputs></wps:Execute>";
        var request = FuzzRequest.Post(FuzzBody.Concat(head, ("0123456789abcdef", (int)(70 * MiB / 16)), tail));
        return announced ? request : request with { OmitContentLength = true };
    }
}

using System.Text;

namespace Zoo.Integration.Tests.Fuzz.Attacks;

/// <summary>POSTed XML documents: valid requests broken in every way a parser can be hurt.</summary>
public static class XmlAttacks
{
    private static readonly string[] AddedAttributes =
    [
        "xml:lang=\"../../etc/passwd\"", "xmlns:wps=\"urn:bogus\"", "mimeType=\"text/html&#13;&#10;X-Injected: 1\"", "encoding=\"base64\"",
        "schema=\"file:///etc/passwd\"", "xlink:href=\"file://" + OutsideWorld.SecretFile + "\"", "asReference=\"true\"", "uom=\"&#0;\"",
        "service=\"WMS\"", "version=\"9.9.9\"", "id=\"../../" + OutsideWorld.EscapeName + "\"", "a=\"1\" a=\"2\"", "xmlns=\"\"",
        "xsi:schemaLocation=\"http://127.0.0.1:1/x.xsd\"", "transmission=\"reference\"", "response=\"document\"", "lineage=\"true\"",
        "dataType=\"xs:double\"", "crs=\"EPSG:99999\"", "dimensions=\"-1\"", "href=\"../../main.cfg\"", "language=\"*\"",
        "extension=\"../../" + OutsideWorld.EscapeName + "\"", "x=\"" + new string('v', 70_000) + "\"", "p:x=\"unbound prefix\"",
    ];

    private static readonly string[] Junk =
    [
        "<!--x-->", "<?pi data?>", "]]>", "&amp;", "&#0;", "&#xD800;", "&#x110000;", "&undefined;", "<![CDATA[<]]>", "</a>", "<", ">", "&",
        "\u0000", "\uFFFE", "\u0001", "<wps:Execute>", "<ows:Identifier>HelloPy</ows:Identifier>", "xmlns:a=\"b\"", "\"", "'", "=",
        "<?xml version=\"1.0\"?>", "<!DOCTYPE x>", "\r\n", "\u00e9", "\ud800",
    ];

    /// <summary>A valid request document with one to three mutations: truncated, bytes flipped, elements duplicated or dropped, attributes added, junk inserted.</summary>
    public static FuzzRequest Mutated(Random random)
    {
        var document = Encoding.UTF8.GetBytes(WpsDocuments.Any(random));
        var mutations = random.Next(1, 4);
        for (var i = 0; i < mutations; i++)
            document = Mutate(random, document);
        return FuzzRequest.Post(FuzzBody.Of(document), random.One(["text/xml", "text/xml", "application/xml", "text/xml; charset=ISO-8859-1", "application/soap+xml"]));
    }

    public static byte[] Mutate(Random random, byte[] document)
    {
        var text = Encoding.UTF8.GetString(document);
        switch (random.Next(8))
        {
            case 0:
                return document[..random.Next(document.Length + 1)];
            case 1:
            {
                var flipped = (byte[])document.Clone();
                var flips = random.Next(1, 11);
                for (var i = 0; i < flips && flipped.Length > 0; i++)
                    flipped[random.Next(flipped.Length)] ^= (byte)random.Next(1, 256);
                return flipped;
            }
            case 2:
                // Duplicated up to 1000 times, but never past 512 KiB: mutations compound, and these bodies stay small.
                return Encoding.UTF8.GetBytes(WithElement(random, text, (element, copy) =>
                    element + Draw.Repeat(copy, Math.Min(random.LogUniform(1, 1000), Math.Max(1, 512 * 1024 / Math.Max(1, text.Length))))));
            case 3:
                return Encoding.UTF8.GetBytes(WithElement(random, text, (_, _) => ""));
            case 4:
            {
                var tags = StartTags(text);
                if (tags.Count == 0)
                    return document;
                var at = random.One(tags);
                var attributes = string.Concat(Enumerable.Range(0, random.Next(1, 4)).Select(_ => " " + random.One(AddedAttributes)));
                return Encoding.UTF8.GetBytes(text.Insert(at, attributes));
            }
            case 5:
            {
                var at = random.Next(text.Length + 1);
                return Encoding.UTF8.GetBytes(text.Insert(at, random.One(Junk)));
            }
            case 6:
                return Encoding.UTF8.GetBytes(random.Chance(0.5)
                    ? text.Replace("http://www.opengis.net/wps/1.0.0", "http://www.opengis.net/wps/2.0")
                    : text.Replace("http://www.opengis.net/wps/2.0", "http://www.opengis.net/wps/1.0.0").Replace("http://www.opengis.net/ows/1.1", "urn:x"));
            default:
                return Encoding.UTF8.GetBytes(Soap(random, StripDeclaration(text)));
        }
    }

    /// <summary>1 000 to 200 000 levels of &lt;a&gt;: as the document itself, inside ComplexData, inside a literal.</summary>
    public static FuzzRequest DeepNesting(Random random)
    {
        var levels = random.LogUniform(1_000, 200_000);
        var unit = random.One(["a", "wps:Input", "x:" + random.Word(3)]);
        var open = unit.StartsWith("x:", StringComparison.Ordinal) ? $"<{unit} xmlns:x=\"urn:x\">" : $"<{unit}>";
        var close = random.Chance(0.8) ? $"</{unit}>" : "";
        var (before, after) = random.Next(4) switch
        {
            0 => (WpsDocuments.Declaration, ""),
            1 => ($"{WpsDocuments.Declaration}<wps:Execute service=\"WPS\" version=\"1.0.0\" {WpsDocuments.Wps10}><ows:Identifier>CopyVector</ows:Identifier><wps:DataInputs><wps:Input><ows:Identifier>InputVector</ows:Identifier><wps:Data><wps:ComplexData mimeType=\"text/xml\">",
                "</wps:ComplexData></wps:Data></wps:Input></wps:DataInputs></wps:Execute>"),
            2 => ($"{WpsDocuments.Declaration}<wps:Execute service=\"WPS\" version=\"2.0.0\" response=\"document\" mode=\"sync\" {WpsDocuments.Wps20}><ows:Identifier>ogc.tests.Echo</ows:Identifier><wps:Input id=\"message\"><wps:Data>",
                "</wps:Data></wps:Input></wps:Execute>"),
            _ => ($"{WpsDocuments.Declaration}<wps:GetCapabilities service=\"WPS\" {WpsDocuments.Wps10}>", "</wps:GetCapabilities>"),
        };
        return FuzzRequest.Post(FuzzBody.Concat(before, (open, levels), (close, close.Length == 0 ? 0 : levels), after));
    }

    /// <summary>Thousands of attributes or namespace declarations on one element, duplicates included.</summary>
    public static FuzzRequest ManyAttributes(Random random)
    {
        var count = random.LogUniform(1_000, 50_000);
        var kind = random.Next(3);
        var attributes = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            attributes.Append(kind switch
            {
                0 => $" a{i}=\"x\"",
                1 => $" xmlns:p{i}=\"urn:{i}\"",
                _ => " a=\"x\"", // duplicate names: not well-formed
            });
        }
        var document = random.Chance(0.5)
            ? $"{WpsDocuments.Declaration}<wps:GetCapabilities service=\"WPS\" {WpsDocuments.Wps10}{attributes}/>"
            : WpsDocuments.Execute10("CopyVector", WpsDocuments.Complex10("InputVector", "mimeType=\"text/xml\"", $"<f{attributes}/>"), WpsDocuments.Document10("Result"));
        return FuzzRequest.Post(document);
    }

    /// <summary>DTDs: internal and external entities, billion laughs, quadratic blow-up, parameter entities, XInclude.</summary>
    public static FuzzRequest Dtd(Random random)
    {
        var request = WpsDocuments.DescribeProcess10("&e;");
        var body = random.Next(8) switch
        {
            0 => $"<?xml version=\"1.0\"?>\n<!DOCTYPE wps:DescribeProcess [<!ENTITY e \"HelloPy\">]>\n{StripDeclaration(request)}",
            1 => $"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \"file://{OutsideWorld.SecretFile}\">]>\n{StripDeclaration(request)}",
            2 => "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY l0 \"lol\">"
                 + string.Concat(Enumerable.Range(1, 10).Select(i => $"<!ENTITY l{i} \"{Draw.Repeat($"&l{i - 1};", 10)}\">"))
                 + $"<!ENTITY e \"&l10;\">]>\n{StripDeclaration(request)}",
            3 => $"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY q \"{new string('q', 50_000)}\">]>\n"
                 + StripDeclaration(WpsDocuments.DescribeProcess10(Draw.Repeat("&q;", random.LogUniform(100, 20_000)))),
            4 => $"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %p;]>\n{StripDeclaration(request)}",
            5 => $"<?xml version=\"1.0\"?>\n<!DOCTYPE wps:DescribeProcess SYSTEM \"file:///etc/passwd\">\n{StripDeclaration(WpsDocuments.DescribeProcess10("HelloPy"))}",
            6 => WpsDocuments.Execute20("ogc.tests.Echo",
                $"<wps:Input id=\"message\"><wps:Data><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file://{OutsideWorld.SecretFile}\" parse=\"text\"/></wps:Data></wps:Input>",
                WpsDocuments.Output20("Result")),
            _ => $"<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ELEMENT x ANY><!ATTLIST wps:DescribeProcess service CDATA #FIXED \"WPS\"><!ENTITY e \"&#38;#60;\">]>\n{StripDeclaration(request)}",
        };
        return FuzzRequest.Post(body);
    }

    /// <summary>SOAP 1.1 and 1.2 envelopes: valid, empty, doubled, nested, with headers.</summary>
    public static FuzzRequest SoapEnvelopes(Random random)
    {
        var inner = StripDeclaration(WpsDocuments.Any(random));
        var body = random.Next(5) switch
        {
            0 => Soap(random, inner),
            1 => Soap(random, ""),
            2 => Soap(random, inner + inner),
            3 => Soap(random, Soap(random, inner)),
            _ => Soap(random, "just text &amp; no element"),
        };
        if (random.Chance(0.3))
            body = body.Replace("<soap:Body>", "<soap:Header><x soap:mustUnderstand=\"1\" xmlns=\"urn:x\"/></soap:Header><soap:Body>");
        return FuzzRequest.Post(WpsDocuments.Declaration + body, random.One(["text/xml", "application/soap+xml", "application/soap+xml; action=\"Execute\""]));
    }

    /// <summary>Declared encodings that are wrong, unknown or need transcoding; byte order marks; comments and PIs before the root.</summary>
    public static FuzzRequest Encodings(Random random)
    {
        var text = StripDeclaration(random.Chance(0.5) ? WpsDocuments.DescribeProcess10("HelloPy") : WpsDocuments.GetCapabilities10());
        var declared = random.One(["UTF-8", "UTF-16", "utf-16le", "ISO-8859-1", "US-ASCII", "EBCDIC-CP-US", "IBM037", "UTF-7", "UTF-32", "x-unknown", "", "Shift_JIS", "windows-1252", "UTF-8\u0000"]);
        var declaration = declared.Length == 0 ? "" : $"<?xml version=\"1.0\" encoding=\"{declared}\"?>";
        byte[] bom = random.Next(6) switch
        {
            0 => [0xEF, 0xBB, 0xBF],
            1 => [0xFF, 0xFE],
            2 => [0xFE, 0xFF],
            3 => [0xFF, 0xFE, 0x00, 0x00],
            4 => [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF],
            _ => [],
        };
        var prolog = random.Chance(0.3) ? "<!-- a comment -->\n<?some-pi data?>\n" : random.Chance(0.2) ? "\n  " : "";
        var document = declaration + prolog + text.Replace("HelloPy", random.Chance(0.3) ? "Hell\u00f6Py" : "HelloPy");
        var encoding = random.Next(4) switch
        {
            0 => Encoding.Unicode,
            1 => Encoding.BigEndianUnicode,
            2 => Encoding.Latin1,
            _ => Encoding.UTF8,
        };
        return FuzzRequest.Post(FuzzBody.Concat(bom, encoding.GetBytes(document)), random.One(["text/xml", "text/xml; charset=UTF-16", "text/xml; charset=x-unknown"]));
    }

    /// <summary>A few MB in one token: an attribute value, an element name, a text node, a comment, a namespace URI.</summary>
    public static FuzzRequest HugeToken(Random random)
    {
        var size = random.LogUniform(2 * 1024 * 1024, 4 * 1024 * 1024);
        var head = $"{WpsDocuments.Declaration}<wps:Execute service=\"WPS\" version=\"1.0.0\" {WpsDocuments.Wps10}><ows:Identifier>";
        var body = random.Next(5) switch
        {
            0 => FuzzBody.Concat($"{WpsDocuments.Declaration}<wps:GetCapabilities service=\"WPS\" {WpsDocuments.Wps10} language=\"", ("a", size), "\"/>"),
            1 => FuzzBody.Concat($"{WpsDocuments.Declaration}<wps:GetCapabilities service=\"WPS\" {WpsDocuments.Wps10}><", ("n", size), "/></wps:GetCapabilities>"),
            2 => FuzzBody.Concat(head, ("HelloPy", size / 7), "</ows:Identifier></wps:Execute>"),
            3 => FuzzBody.Concat($"{WpsDocuments.Declaration}<!--", ("c", size), "-->", StripDeclaration(WpsDocuments.GetCapabilities10())),
            _ => FuzzBody.Concat($"{WpsDocuments.Declaration}<wps:GetCapabilities service=\"WPS\" {WpsDocuments.Wps10} xmlns:u=\"urn:", ("u", size), "\"/>"),
        };
        return FuzzRequest.Post(body);
    }

    public static string StripDeclaration(string document) =>
        document.StartsWith("<?xml", StringComparison.Ordinal) ? document[(document.IndexOf("?>", StringComparison.Ordinal) + 2)..].TrimStart() : document;

    private static string Soap(Random random, string content) => random.Chance(0.5)
        ? $"<soap:Envelope xmlns:soap=\"http://schemas.xmlsoap.org/soap/envelope/\"><soap:Body>{content}</soap:Body></soap:Envelope>"
        : $"<soap:Envelope xmlns:soap=\"http://www.w3.org/2003/05/soap-envelope\"><soap:Body>{content}</soap:Body></soap:Envelope>";

    /// <summary>Positions just after the name of each start tag (where attributes can be inserted).</summary>
    private static List<int> StartTags(string text)
    {
        var positions = new List<int>();
        for (var i = text.IndexOf('<'); i >= 0 && i < text.Length - 1; i = text.IndexOf('<', i + 1))
        {
            if (!char.IsLetter(text[i + 1]))
                continue;
            var end = i + 1;
            while (end < text.Length && (char.IsLetterOrDigit(text[end]) || text[end] is ':' or '-' or '_' or '.'))
                end++;
            positions.Add(end);
        }
        return positions;
    }

    /// <summary>Replaces one random element (start tag to its first matching end tag) by what <paramref name="change"/> makes of it.</summary>
    private static string WithElement(Random random, string text, Func<string, string, string> change)
    {
        var tags = StartTags(text);
        if (tags.Count == 0)
            return text;
        var nameEnd = random.One(tags);
        var start = text.LastIndexOf('<', nameEnd - 1);
        var name = text[(start + 1)..nameEnd];
        var closing = text.IndexOf($"</{name}>", nameEnd, StringComparison.Ordinal);
        var selfClosing = text.IndexOf("/>", nameEnd, StringComparison.Ordinal);
        var tagEnd = text.IndexOf('>', nameEnd);
        var end = selfClosing >= 0 && selfClosing + 1 == tagEnd ? tagEnd + 1 : closing >= 0 ? closing + name.Length + 3 : -1;
        if (end < 0)
            return text;
        var element = text[start..end];
        return text[..start] + change(element, element) + text[end..];
    }
}

using System.Xml;
using System.Xml.Linq;
using System.Xml.XPath;
using Zoo.Core.Configuration.Zcfg;
using Zoo.Core.Wps;
using Zoo.Core.Wps.Responses;
using Zoo.Core.Xml;

namespace Zoo.Core.Tests.TestSupport;

/// <summary>Renders response documents and looks inside them with the response prefixes (ows, wps, xlink).</summary>
public static class Documents
{
    public static string Render(ElementNode root) => XmlFormatter.Document(root, "utf-8");

    public static ProcessOffering Offering(string zcfg, string? identifier = null, bool headerOnly = false)
    {
        var description = ZcfgParser.Parse(zcfg, headerOnly);
        return new ProcessOffering(identifier ?? description.Name, description);
    }

    public static string Describe(WpsVersion version, params ProcessOffering[] offerings) =>
        Render(DescribeProcessWriter.Build(version, "en-US", offerings));

    public static string Describe(WpsVersion version, string zcfg) => Describe(version, Offering(zcfg));

    public static XElement Select(string document, string xpath, WpsVersion version) =>
        XDocument.Parse(document).XPathSelectElement(xpath, Namespaces(version))
        ?? throw new AssertionException($"no {xpath} in\n{document}");

    public static IReadOnlyList<XElement> SelectAll(string document, string xpath, WpsVersion version) =>
        XDocument.Parse(document).XPathSelectElements(xpath, Namespaces(version)).ToList();

    /// <summary>Element names of the children, as written (prefix:local, or local when unprefixed).</summary>
    public static IReadOnlyList<string> ChildNames(XElement element) =>
        element.Elements().Select(e => e.GetPrefixOfNamespace(e.Name.Namespace) is { Length: > 0 } prefix
            ? $"{prefix}:{e.Name.LocalName}"
            : e.Name.LocalName).ToList();

    public static IReadOnlyList<string> AttributeNames(XElement element) =>
        element.Attributes().Where(a => !a.IsNamespaceDeclaration).Select(a => a.Name.LocalName).ToList();

    private static XmlNamespaceManager Namespaces(WpsVersion version)
    {
        var manager = new XmlNamespaceManager(new NameTable());
        manager.AddNamespace("ows", version.OwsNamespace);
        manager.AddNamespace("wps", version.WpsNamespace);
        manager.AddNamespace("xlink", WpsVersion.XlinkNamespace);
        return manager;
    }

    /// <summary>The text between the first occurrence of a start marker and the next end marker, both included.</summary>
    public static string Fragment(string document, string start, string end)
    {
        var from = document.IndexOf(start, StringComparison.Ordinal);
        if (from < 0)
            throw new AssertionException($"no {start} in\n{document}");
        var to = document.IndexOf(end, from, StringComparison.Ordinal);
        if (to < 0)
            throw new AssertionException($"no {end} after {start} in\n{document}");
        return document[from..(to + end.Length)];
    }
}

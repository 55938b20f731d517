namespace Zoo.Core.Callback;

/// <summary>
/// Any text as an XPath 1.0 expression whose value is that text, for stylesheet parameters. XPath 1.0 string literals
/// have no escapes, and xsltproc's <c>--stringparam</c> refuses a text with both kinds of quotes (a URL may have
/// both), so such a text becomes <c>concat()</c> of single-quoted pieces and <c>"'"</c>.
/// </summary>
internal static class XPathString
{
    public static string Literal(string text)
    {
        if (!text.Contains('\''))
            return "'" + text + "'";
        if (!text.Contains('"'))
            return "\"" + text + "\"";
        return "concat('" + text.Replace("'", "', \"'\", '", StringComparison.Ordinal) + "')";
    }
}

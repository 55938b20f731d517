namespace Zoo.Core.Data;

/// <summary>
/// An Execute input given by reference: <c>xlink:href</c> (or <c>wps:Reference href</c>), the HTTP
/// method, the request headers (<c>wps:Header</c>), and for POST the body inline (<c>wps:Body</c>)
/// or by reference (<c>wps:BodyReference</c>).
/// </summary>
public sealed record InputReference(
    string Href,
    string Method,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? Body,
    string? BodyReference)
{
    /// <summary>A plain GET of a URL, without headers or body.</summary>
    public static InputReference Get(string href) => new(href, "GET", [], null, null);

    public bool IsPost => string.Equals(Method, "POST", StringComparison.OrdinalIgnoreCase);

    /// <summary>Names the headers but never prints their values: they may carry credentials.</summary>
    public override string ToString() =>
        $"{Method} {Href} (headers: {string.Join(", ", Headers.Select(h => h.Key))})";
}

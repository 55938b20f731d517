namespace Zoo.Core.Wps;

/// <summary>A WPS version this kernel speaks, with the namespaces and schemas its documents use.</summary>
public sealed record WpsVersion(
    string Number,
    string WpsNamespace,
    string OwsNamespace,
    string ExceptionSchema,
    string ExceptionReportVersion,
    IReadOnlyList<string> Operations)
{
    public const string XlinkNamespace = "http://www.w3.org/1999/xlink";
    public const string XsiNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    public static readonly WpsVersion V100 = new(
        "1.0.0",
        "http://www.opengis.net/wps/1.0.0",
        "http://www.opengis.net/ows/1.1",
        "http://schemas.opengis.net/ows/1.1.0/owsExceptionReport.xsd",
        "1.1.0",
        ["GetCapabilities", "DescribeProcess", "Execute"]);

    public static readonly WpsVersion V200 = new(
        "2.0.0",
        "http://www.opengis.net/wps/2.0",
        "http://www.opengis.net/ows/2.0",
        "http://schemas.opengis.net/ows/2.0/owsExceptionReport.xsd",
        "2.0.2",
        ["GetCapabilities", "DescribeProcess", "Execute", "GetStatus", "GetResult", "Dismiss"]);

    public bool IsV1 => ReferenceEquals(this, V100);

    /// <summary>ZOO compares the first five characters, ignoring case ("1.0.0", "2.0.0-rc" both match).</summary>
    public static WpsVersion? Find(string? text)
    {
        if (text is null || text.Length < 5)
            return null;
        if (text.AsSpan(0, 5).Equals("1.0.0", StringComparison.OrdinalIgnoreCase))
            return V100;
        if (text.AsSpan(0, 5).Equals("2.0.0", StringComparison.OrdinalIgnoreCase))
            return V200;
        return null;
    }

    /// <summary>The xsi:schemaLocation of a response; WPS 2.0 has one schema for all operations.</summary>
    public string SchemaLocation(string operation) => IsV1
        ? $"{WpsNamespace} http://schemas.opengis.net/wps/1.0.0/wps{operation}_response.xsd"
        : $"{WpsNamespace} http://schemas.opengis.net/wps/2.0/wps.xsd";

    public override string ToString() => Number;
}

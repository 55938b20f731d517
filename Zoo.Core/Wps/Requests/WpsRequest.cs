using Zoo.Core.Configuration;

namespace Zoo.Core.Wps.Requests;

/// <summary>
/// A request that passed the checks every operation shares: a known operation, service=WPS, a version
/// this kernel speaks and a supported language. Operation-specific parameters stay in <see cref="Parameters"/>.
/// </summary>
public sealed record WpsRequest(
    string Operation,
    WpsVersion Version,
    string Language,
    ConfigValues Parameters,
    XmlRequest? Xml)
{
    public bool IsSoap => Xml?.IsSoap ?? false;

    /// <summary>The comma-separated identifiers of DescribeProcess (and the one of Execute).</summary>
    public IReadOnlyList<string> Identifiers => MainConfig.SplitList(Parameters["Identifier"] ?? "");
}

namespace Zoo.Core.Wps.Requests;

/// <summary>A request refused by the shared checks, with the version and language its report is written in.</summary>
public sealed class RequestRejectedException(WpsException error, WpsVersion version, string language)
    : Exception(error.Message, error)
{
    public WpsException Error { get; } = error;
    public WpsVersion Version { get; } = version;
    public string Language { get; } = language;
}

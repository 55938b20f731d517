namespace Zoo.Core.Wps;

/// <summary>
/// A request ZOO would answer with an ExceptionReport. Carries every error found (ZOO reports
/// several in one document) and the HTTP status that goes with the first one's code.
/// </summary>
public sealed class WpsException : Exception
{
    public WpsException(string code, string? locator, string text)
        : this([new OwsError(code, locator, text)])
    {
    }

    /// <param name="httpStatus">a status line of its own, where the code's usual one would mislead (a body too large: 413).</param>
    public WpsException(IReadOnlyList<OwsError> errors, string? httpStatus = null)
        : base(errors.Count > 0 ? errors[0].Text : throw new ArgumentException("no error", nameof(errors)))
    {
        Errors = errors;
        _httpStatus = httpStatus;
    }

    private readonly string? _httpStatus;

    public IReadOnlyList<OwsError> Errors { get; }

    public string HttpStatus => _httpStatus ?? StatusFor(Errors[0].Code);

    /// <summary>
    /// ZOO's code → status table. ZOO sends the reason "Not Implemented" with every 500; we send the
    /// standard reason phrase, since clients read the number.
    /// </summary>
    public static string StatusFor(string code) => code switch
    {
        "MissingParameterValue" or "InvalidParameterValue" or "InvalidUpdateSequence" or "OptionNotSupported"
            or "VersionNegotiationFailed" or "NoSuchMode" or "BadRequest" or "WorkflowNotFound" => "400 Bad request",
        "NotFound" or "NoSuchProcess" or "NoSuchJob" or "NoSuchOutput" or "ResultNotReady" => "404 Not Found",
        _ => "500 Internal Server Error",
    };
}

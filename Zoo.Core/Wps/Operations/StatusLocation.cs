namespace Zoo.Core.Wps.Operations;

/// <summary>
/// Where a WPS 1.0.0 client polls a stored ExecuteResponse: the GetStatus service (this kernel
/// serves it natively, so the URL always works), as ZOO writes it when GetStatus is installed.
/// </summary>
public static class StatusLocation
{
    public static string For(WpsRequestContext context, string serviceName, string jobId) =>
        context.Config.Main["rewriteUrl"] is { Length: > 0 } rewrite && !rewrite.Equals("false", StringComparison.OrdinalIgnoreCase)
            ? $"{context.ServiceUrl.TrimEnd('/')}/{(rewrite.Equals("true", StringComparison.OrdinalIgnoreCase) ? "" : rewrite.Trim('/') + "/")}GetStatus/{jobId}"
            : $"{context.ServiceUrl}?request=Execute&service=WPS&version=1.0.0&Identifier=GetStatus&DataInputs=sid={jobId}&RawDataOutput=Result";
}

using System.Globalization;
using Zoo.Core.Wps;

namespace Zoo.Core.Data;

/// <summary>
/// What the kernel reports when an input reference cannot be fetched. ZOO's texts where ZOO has one;
/// URLs are shown without their user-info part, and forwarded header values never appear.
/// </summary>
public static class FetchErrors
{
    /// <summary>A scheme other than http, https and (allowed) file.</summary>
    public static WpsException UnknownProtocol(string url) =>
        new("InternalError", null, $"Unable to find a valid protocol to download the remote file {Displayed(url)}");

    /// <summary>A file:// URL, or a URL under tmpUrl, that leads outside the directories it may read.</summary>
    public static WpsException FileNotAllowed(string url) =>
        new("InternalError", null, $"Access to the provided file URL is not allowed {Displayed(url)}");

    /// <summary>
    /// ZOO's text and code for an unexpected HTTP status (InvalidParameterValue, located at the input).
    /// A server that could not be reached counts as status 0, as curl reports it to ZOO.
    /// </summary>
    public static OwsError HttpStatus(string inputName, int statusCode) =>
        new("InvalidParameterValue", inputName,
            $"Unable to download the file for the input <{inputName}>, response code was : {statusCode.ToString(CultureInfo.InvariantCulture)}.");

    public static OwsError Unreachable(string inputName) => HttpStatus(inputName, 0);

    public static OwsError TooLarge(string inputName, long maxBytes) =>
        new("InternalError", inputName,
            $"The file for the input <{inputName}> is larger than the allowed {maxBytes.ToString(CultureInfo.InvariantCulture)} bytes.");

    public static OwsError TimedOut(string inputName, TimeSpan timeout) =>
        new("InternalError", inputName,
            $"Downloading the file for the input <{inputName}> took longer than the allowed {timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} seconds.");

    public static OwsError TooManyRedirects(string inputName, int maxRedirects) =>
        new("InternalError", inputName,
            $"Unable to download the file for the input <{inputName}>: more than {maxRedirects.ToString(CultureInfo.InvariantCulture)} redirections.");

    /// <summary>A local file (file:// or under tmpUrl) that is allowed but cannot be read; its path is not shown.</summary>
    public static OwsError LocalFileUnreadable(string inputName) =>
        new("InternalError", inputName, $"Unable to read the file for the input <{inputName}>.");

    public static OwsError InvalidHeader(string inputName, string headerName) =>
        new("InvalidParameterValue", inputName,
            $"The header <{headerName}> given for the input <{inputName}> is not a valid HTTP header.");

    /// <summary>The URL as a message may show it: without "user:password@".</summary>
    internal static string Displayed(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.UserInfo.Length == 0)
            return url;
        return new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri;
    }
}

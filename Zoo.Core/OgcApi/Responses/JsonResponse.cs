using System.Text.Json.Nodes;
using Zoo.Core.Cgi;

namespace Zoo.Core.OgcApi.Responses;

/// <summary>The CGI answer of a JSON document: its Content-Type, main.cfg's [headers], the operation's own headers, the status.</summary>
public static class JsonResponse
{
    public const string ContentType = "application/json; charset=utf-8";

    public static CgiResponse Build(ApiContext context, int status, JsonNode body,
        IEnumerable<KeyValuePair<string, string>>? headers = null, string contentType = ContentType) =>
        Bytes(context, status, [.. JsonText.Bytes(body), (byte)'\n'], contentType, headers);

    /// <summary>Any body: HEAD gets the headers alone.</summary>
    public static CgiResponse Bytes(ApiContext context, int status, byte[] body, string? contentType,
        IEnumerable<KeyValuePair<string, string>>? headers = null)
    {
        var lines = new List<KeyValuePair<string, string>>();
        if (contentType is not null)
            lines.Add(new("Content-Type", contentType));
        // The length of what a GET would carry, for HEAD too.
        lines.Add(new("Content-Length", body.Length.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        lines.AddRange(context.Config.ExtraHeaders);
        if (headers is not null)
            lines.AddRange(headers);
        lines.Add(new("Status", StatusLine(status)));
        return new CgiResponse(lines, context.Request.IsHead ? [] : body);
    }

    public static string StatusLine(int status) => status switch
    {
        200 => "200 OK",
        201 => "201 Created",
        204 => "204 No Content",
        400 => "400 Bad Request",
        403 => "403 Forbidden",
        404 => "404 Not Found",
        405 => "405 Method Not Allowed",
        406 => "406 Not Acceptable",
        409 => "409 Conflict",
        413 => "413 Content Too Large",
        415 => "415 Unsupported Media Type",
        _ => status >= 500 ? "500 Internal Server Error" : $"{status}",
    };
}

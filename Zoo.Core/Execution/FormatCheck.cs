using Zoo.Core.Configuration;
using Zoo.Core.Configuration.Zcfg;

namespace Zoo.Core.Execution;

/// <summary>
/// Whether a format a client names for complex data (mimeType, encoding, schema) is one its .zcfg declares, and
/// which declaration: ZOO's rule for taking the defaults of the format block that matches (<c>&lt;Default&gt;</c>,
/// else the first <c>&lt;Supported&gt;</c>), with one difference: a mime type must be declared to be accepted,
/// since the kernel writes it into a Content-Type (a client asking for <c>text/html</c> would turn the service
/// into a page of its choice).
/// </summary>
public static class FormatCheck
{
    private static readonly string[] Keys = ["mimeType", "encoding", "schema"];

    /// <returns>the declared format block the request fits, the default one when it names none, or null when it fits none.</returns>
    public static ConfigValues? Match(ConfigValues requested, DataDescription? data)
    {
        var blocks = Blocks(data);
        if (!Keys.Any(requested.Contains))
            return blocks.FirstOrDefault();
        return blocks.FirstOrDefault(block => Fits(requested, block));
    }

    /// <summary>The first supported block that declares this mime type (for defaults such as <c>extension</c>).</summary>
    public static ConfigValues? ForMimeType(string? mimeType, DataDescription? data) =>
        mimeType is null ? null : Blocks(data).FirstOrDefault(block => Same(block["mimeType"], mimeType));

    private static IEnumerable<ConfigValues> Blocks(DataDescription? data) =>
        data is null ? [] : (data.Default is { } fallback ? [fallback] : Enumerable.Empty<ConfigValues>()).Concat(data.Supported);

    private static bool Fits(ConfigValues requested, ConfigValues block)
    {
        if (requested["mimeType"] is { } mimeType && !Same(block["mimeType"], mimeType))
            return false;
        foreach (var key in Keys.Skip(1))
        {
            if (requested[key] is { } value && block[key] is { } declared && !Same(declared, value))
                return false;
        }
        return true;
    }

    /// <summary>Equal without regard to case or to blanks around the parameters (<c>text/xml; subtype=gml/3.1.1</c>).</summary>
    private static bool Same(string? declared, string requested) =>
        declared is not null && string.Equals(Normalized(declared), Normalized(requested), StringComparison.OrdinalIgnoreCase);

    private static string Normalized(string value) => new(value.Where(c => !char.IsWhiteSpace(c)).ToArray());
}

using System.Text.Json;
using Zoo.Core.Cgi;

namespace Zoo.Core.Jobs;

/// <summary>
/// The CGI request of an asynchronous Execute, kept in the job's .request file so that the worker
/// runs exactly what the client sent: the environment the web server gave, and the body.
/// </summary>
public static class SavedRequest
{
    public static byte[] Serialize(CgiRequest request)
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteStartObject("environment");
            foreach (var (name, value) in request.Environment)
                writer.WriteString(name, value);
            writer.WriteEndObject();
            writer.WriteBase64String("body", request.Body);
            writer.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static CgiRequest Read(string path)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var variable in document.RootElement.GetProperty("environment").EnumerateObject())
            environment[variable.Name] = variable.Value.GetString() ?? "";
        return new CgiRequest(environment, document.RootElement.GetProperty("body").GetBytesFromBase64());
    }
}

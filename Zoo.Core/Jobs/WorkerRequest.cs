using System.Buffers.Binary;
using System.Text.Json;
using Zoo.Core.Cgi;
using Zoo.Core.Configuration;

namespace Zoo.Core.Jobs;

/// <summary>
/// The request of an asynchronous Execute, handed to its worker through the worker's standard input, so that
/// nothing of it is left at rest in tmpPath (which the web server publishes): the CGI environment without the
/// credentials main.cfg does not forward, then the body. Framed by lengths, so that a request cut short (the CGI
/// killed while writing) is told from a whole one.
/// </summary>
public static class WorkerRequest
{
    private static readonly byte[] Magic = "ZOO-JOB1"u8.ToArray();
    private const int MaxEnvironmentBytes = 4 * 1024 * 1024;

    public static void Write(Stream output, CgiRequest request, MainConfig config)
    {
        var environment = new MemoryStream();
        using (var writer = new Utf8JsonWriter(environment))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in CredentialVariables.Kept(request.Environment, config))
                writer.WriteString(name, value);
            writer.WriteEndObject();
        }
        var header = new byte[Magic.Length + 12];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(Magic.Length), (int)environment.Length);
        BinaryPrimitives.WriteInt64BigEndian(header.AsSpan(Magic.Length + 4), request.Body.Length);
        output.Write(header);
        output.Write(environment.GetBuffer(), 0, (int)environment.Length);
        using var body = request.Body.OpenRead();
        body.CopyTo(output);
        output.Flush();
    }

    /// <exception cref="InvalidDataException">the input is not a whole request.</exception>
    public static CgiRequest Read(Stream input, Limits limits, string spoolDirectory)
    {
        var header = new byte[Magic.Length + 12];
        input.ReadExactly(header);
        if (!header.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException("not a job request");
        var environmentLength = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(Magic.Length));
        var bodyLength = BinaryPrimitives.ReadInt64BigEndian(header.AsSpan(Magic.Length + 4));
        if (environmentLength is < 2 or > MaxEnvironmentBytes || bodyLength < 0 || bodyLength > limits.MaxRequestBytes)
            throw new InvalidDataException("a job request with impossible lengths");
        var environmentBytes = new byte[environmentLength];
        input.ReadExactly(environmentBytes);
        var environment = new Dictionary<string, string>(StringComparer.Ordinal);
        using (var document = JsonDocument.Parse(environmentBytes))
        {
            foreach (var variable in document.RootElement.EnumerateObject())
                environment[variable.Name] = variable.Value.GetString() ?? "";
        }
        // The body is read as the CGI read it: its length, to the end of the framed request.
        var framing = new Dictionary<string, string>(environment)
        {
            ["REQUEST_METHOD"] = "POST",
            ["CONTENT_LENGTH"] = bodyLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
        var body = RequestBodyReader.Read(framing, input, limits.MaxRequestBytes, spoolDirectory);
        if (body.Length != bodyLength)
        {
            body.Dispose();
            throw new InvalidDataException("a job request cut short");
        }
        return new CgiRequest(environment, body);
    }
}

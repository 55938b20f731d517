using System.Text;

namespace Zoo.Core.Cgi;

/// <summary>Answers for failures that happen before a WPS request exists (the body could not even be read).</summary>
public static class ErrorResponses
{
    public static CgiResponse Plain(string status, string message) =>
        new([new("Content-Type", "text/plain; charset=utf-8"), new("Status", status)],
            Encoding.UTF8.GetBytes(message + "\n"));
}

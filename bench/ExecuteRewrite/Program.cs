// bench/ExecuteRewrite: rewrites of a job's Execute request by the [callback] template, timed two ways in turn, so
// that a change of load on the machine hits both alike:
//   xsltproc   the kernel's ExecuteRewriter (an xsltproc process per transform)
//   libxslt    libxslt called in-process (P/Invoke): parse the stylesheet and the document, apply, serialise, free
// Usage: ExecuteRewrite STYLESHEET EXECUTE.xml RUNS   -> one line per transform: way, milliseconds
using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Zoo.Core.Callback;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: ExecuteRewrite STYLESHEET EXECUTE.xml RUNS");
    return 2;
}
var (stylesheet, document, runs) = (args[0], File.ReadAllText(args[1]), int.Parse(args[2], CultureInfo.InvariantCulture));
const string Url = "http://localhost/cgi-bin/mapserv?map=/tmp/Shape.map&SERVICE=WFS&typeName='Shape'";
var rewriter = new ExecuteRewriter(stylesheet, TimeSpan.FromSeconds(30));
string[] parameters = ["attr", "'Shape'", "value", "concat('http://localhost/cgi-bin/mapserv?map=/tmp/Shape.map&SERVICE=WFS&typeName=', \"'\", 'Shape', \"'\", '')", "cnt", "'0'"];
string? byProcess = null, inProcess = null;
for (var run = 0; run < runs; run++)
{
    var clock = Stopwatch.StartNew();
    byProcess = await rewriter.RewriteAsync(document, [new PublishedInput("Shape", 0, Url)], CancellationToken.None);
    Console.WriteLine($"xsltproc {clock.Elapsed.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture)}");
    clock.Restart();
    inProcess = Libxslt.Transform(stylesheet, document, parameters);
    Console.WriteLine($"libxslt {clock.Elapsed.TotalMilliseconds.ToString("0.000", CultureInfo.InvariantCulture)}");
}
// Both ways must give the same document, or the comparison means nothing.
if (byProcess != inProcess)
{
    Console.Error.WriteLine("xsltproc and libxslt gave different documents");
    return 1;
}
return 0;

internal static partial class Libxslt
{
    private const int ParseNoNet = 2048, ParseHuge = 524288;

    public static string Transform(string stylesheet, string document, string[] parameters)
    {
        var style = xsltParseStylesheetFile(stylesheet);
        if (style == 0)
            throw new InvalidOperationException($"libxslt cannot load {stylesheet}");
        var bytes = Encoding.UTF8.GetBytes(document);
        var doc = xmlReadMemory(bytes, bytes.Length, "execute.xml", null, ParseNoNet | ParseHuge);
        var strings = parameters.Select(Marshal.StringToCoTaskMemUTF8).Append(0).ToArray();
        try
        {
            var result = xsltApplyStylesheet(style, doc, strings);
            if (result == 0)
                throw new InvalidOperationException("libxslt failed");
            xsltSaveResultToString(out var text, out var length, result, style);
            xmlFreeDoc(result);
            var output = Marshal.PtrToStringUTF8(text, length);
            free(text);
            return output;
        }
        finally
        {
            foreach (var s in strings)
                Marshal.FreeCoTaskMem(s);
            xmlFreeDoc(doc);
            xsltFreeStylesheet(style);
        }
    }

    [LibraryImport("libxslt.so.1", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint xsltParseStylesheetFile(string path);

    [LibraryImport("libxslt.so.1")]
    private static partial nint xsltApplyStylesheet(nint style, nint doc, nint[] parameters);

    [LibraryImport("libxslt.so.1")]
    private static partial int xsltSaveResultToString(out nint text, out int length, nint result, nint style);

    [LibraryImport("libxslt.so.1")]
    private static partial void xsltFreeStylesheet(nint style);

    [LibraryImport("libxml2.so.2", StringMarshalling = StringMarshalling.Utf8)]
    private static partial nint xmlReadMemory(byte[] buffer, int size, string url, string? encoding, int options);

    [LibraryImport("libxml2.so.2")]
    private static partial void xmlFreeDoc(nint doc);

    [LibraryImport("libc")]
    private static partial void free(nint pointer);
}

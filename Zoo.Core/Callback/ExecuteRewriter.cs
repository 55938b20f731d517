using System.Globalization;

namespace Zoo.Core.Callback;

/// <summary>
/// Rewrites a job's WPS 2.0.0 Execute request (<see cref="ExecuteDocument"/>) with the <c>[callback] template</c>
/// stylesheet (<c>cgi-env/updateExecute.xsl</c>, or ZOO's own, which takes the same parameters), so that each
/// published input value becomes a reference to its URL: one transform per value, parameters <c>attr</c> (the
/// input's id), <c>value</c> (the URL) and <c>cnt</c> (which value, from 0).
/// <para>
/// The transforms run in <c>xsltproc</c>: XslCompiledTransform needs dynamic code, which Native AOT lacks, and
/// libxslt called in-process was measured against it (bench/execute-rewrite.sh, AOT, 2 cores under a load average
/// of about 20): median 16.6 ms per transform with xsltproc against 0.4 ms in-process on a 1 KB request, 37 ms against
/// 8 ms on one carrying 1 MB of inline GML. The difference is mostly starting a process, paid once per published
/// input of an asynchronous job, beside publishing that input through MapServer, which costs more; in exchange
/// a transform that runs away can be killed at its timeout (an in-process one cannot be interrupted), and the
/// kernel handles no unmanaged memory of libxml2's.
/// </para>
/// </summary>
/// <param name="template">the stylesheet, as main.cfg names it.</param>
/// <param name="timeout">the longest one transform may take.</param>
public sealed class ExecuteRewriter(string template, TimeSpan timeout)
{
    /// <returns>the rewritten request; the request itself when nothing was published.</returns>
    /// <exception cref="ExecuteRewriteException">xsltproc is missing, fails (its standard error is in the message), or runs out of time.</exception>
    public async Task<string> RewriteAsync(string executeXml, IReadOnlyList<PublishedInput> inputs, CancellationToken cancellationToken)
    {
        var document = executeXml;
        foreach (var input in inputs)
        {
            document = await XsltProc.TransformAsync(template, document,
            [
                ("attr", XPathString.Literal(input.InputId)),
                ("value", XPathString.Literal(input.Url)),
                ("cnt", XPathString.Literal(input.Index.ToString(CultureInfo.InvariantCulture))),
            ], timeout, cancellationToken).ConfigureAwait(false);
        }
        return document;
    }
}

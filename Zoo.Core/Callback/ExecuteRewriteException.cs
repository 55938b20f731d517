namespace Zoo.Core.Callback;

/// <summary>The Execute request could not be rewritten: xsltproc is missing, failed (what it said is in the message), or ran out of time.</summary>
public sealed class ExecuteRewriteException(string message, Exception? inner = null) : Exception(message, inner);

using Zoo.Hpc.Completion;

namespace FinalizeHpc.Cgi.Mail;

/// <summary>A mail's disposition and why, for the log and the maildir's failed folder.</summary>
internal sealed record MailResult(MailDisposition Disposition, string Reason);

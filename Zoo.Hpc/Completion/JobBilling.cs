using System.Globalization;
using Zoo.Hpc.Slurm;

namespace Zoo.Hpc.Completion;

/// <summary>
/// What an ended Slurm job reports to the callback service's finalize step, under ZOO's names: its accounting
/// (<c>hpc_submission_date</c>, <c>hpc_job_identifier</c>, <c>hpc_job_name</c>, <c>hpc_start_date</c>,
/// <c>hpc_end_date</c>, <c>hpc_status</c>), its configuration's <c>billing_nb_cpu</c> as <c>hpc_cpu_usage</c>
/// (ZOO always sent 1), and <c>hpc_billing</c>: billing_nb_cpu × the job's elapsed seconds.
/// </summary>
public static class JobBilling
{
    public const string BillingKey = "hpc_billing";

    private static readonly (string Sacct, string Callback)[] Names =
    [
        ("Submit", "hpc_submission_date"), ("JobID", "hpc_job_identifier"), ("JobName", "hpc_job_name"),
        ("Start", "hpc_start_date"), ("End", "hpc_end_date"), ("State", "hpc_status"),
    ];

    public static IReadOnlyList<KeyValuePair<string, string>> Facts(SacctRecord end, string billingNbCpu)
    {
        ArgumentNullException.ThrowIfNull(end);
        var facts = Names.Where(n => end[n.Sacct] is not null)
            .Select(n => KeyValuePair.Create(n.Callback, end[n.Sacct]!))
            .ToList();
        facts.Add(KeyValuePair.Create("hpc_cpu_usage", billingNbCpu));
        if (Billing(end, billingNbCpu) is { } billing)
            facts.Add(KeyValuePair.Create(BillingKey, billing));
        return facts;
    }

    /// <summary>billing_nb_cpu × elapsed seconds, or null when either is not a number.</summary>
    public static string? Billing(SacctRecord end, string billingNbCpu)
    {
        ArgumentNullException.ThrowIfNull(end);
        if (!decimal.TryParse(billingNbCpu, NumberStyles.Number, CultureInfo.InvariantCulture, out var cpus)
            || SlurmElapsed.Seconds(end) is not { } seconds)
            return null;
        return (cpus * seconds).ToString(CultureInfo.InvariantCulture);
    }
}

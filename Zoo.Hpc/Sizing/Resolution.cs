namespace Zoo.Hpc.Sizing;

/// <summary>Which of the confId section's two configurations a job runs with.</summary>
public enum Resolution
{
    Preview,
    Fullres,
}

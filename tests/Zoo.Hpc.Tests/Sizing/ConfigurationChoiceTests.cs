using Zoo.Core.Geo;
using Zoo.Hpc.Settings;
using Zoo.Hpc.Sizing;
using Zoo.Hpc.Tests.TestSupport;

namespace Zoo.Hpc.Tests.Sizing;

public class ConfigurationChoiceTests
{
    private static readonly PreviewThresholds Thresholds = new(MaxPixels: 820800, MaxFeatures: 100000);

    [Test]
    public void Without_inputs_the_preview_configuration_is_chosen()
    {
        var choice = ConfigurationChoice.Choose(Thresholds, []);

        Assert.That(choice, Is.EqualTo(new ConfigurationChoice(Resolution.Preview, null)));
    }

    [Test]
    public void Inputs_at_their_thresholds_stay_in_preview()
    {
        var choice = ConfigurationChoice.Choose(Thresholds,
        [
            new InputSize("il", GeoDataType.Raster, 820800),
            new InputSize("vec", GeoDataType.Vector, 100000),
        ]);

        Assert.That(choice.Resolution, Is.EqualTo(Resolution.Preview));
    }

    [Test]
    public void A_raster_one_pixel_over_its_threshold_selects_fullres()
    {
        var large = new InputSize("il", GeoDataType.Raster, 820801);

        var choice = ConfigurationChoice.Choose(Thresholds, [new InputSize("in", GeoDataType.Raster, 10), large]);

        Assert.That(choice, Is.EqualTo(new ConfigurationChoice(Resolution.Fullres, large)));
    }

    [Test]
    public void A_vector_over_its_threshold_selects_fullres()
    {
        var choice = ConfigurationChoice.Choose(Thresholds, [new InputSize("vec", GeoDataType.Vector, 100001)]);

        Assert.That(choice.Resolution, Is.EqualTo(Resolution.Fullres));
    }

    [Test]
    public void Each_count_is_compared_with_its_own_kind_of_threshold()
    {
        // 200000 pixels is small for a raster; the same number of features is large for a vector.
        var choice = ConfigurationChoice.Choose(Thresholds,
        [
            new InputSize("il", GeoDataType.Raster, 200000),
            new InputSize("vec", GeoDataType.Vector, 99999),
        ]);

        Assert.That(choice.Resolution, Is.EqualTo(Resolution.Preview));
    }

    [Test]
    public void Other_data_never_selects_fullres()
    {
        var choice = ConfigurationChoice.Choose(Thresholds, [new InputSize("doc", GeoDataType.Other, long.MaxValue)]);

        Assert.That(choice.Resolution, Is.EqualTo(Resolution.Preview));
    }

    [Test]
    public void A_later_file_of_a_multi_valued_input_counts_too()
    {
        var choice = ConfigurationChoice.Choose(Thresholds,
        [
            new InputSize("il", GeoDataType.Raster, 100),
            new InputSize("il", GeoDataType.Raster, 1_000_000),
        ]);

        Assert.That(choice.Resolution, Is.EqualTo(Resolution.Fullres));
    }

    [Test]
    public void The_choice_selects_the_configuration_the_settings_name()
    {
        var settings = HpcSettings.Load(Configs.Parse("""
            [HPC]
            preview_max_pixels=10
            preview_max_features=10
            preview_conf=small
            fullres_conf=big
            [small]
            ssh_host=h
            ssh_user=u
            ssh_key=/k
            remote_data_path=/d
            remote_work_path=/w
            [big]
            ssh_host=h
            ssh_user=u
            ssh_key=/k
            remote_data_path=/d
            remote_work_path=/w
            """));

        var choice = ConfigurationChoice.Choose(settings.Thresholds, [new InputSize("il", GeoDataType.Raster, 11)]);

        Assert.That(choice.Configuration(settings), Is.SameAs(settings.Fullres));
        Assert.That(choice.Configuration(settings).SectionName, Is.EqualTo("big"));
    }
}

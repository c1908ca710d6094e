using EdgeStation.Domain.Records;

namespace EdgeStation.Domain.Tests.Records;

public sealed class PersonalDataChecksTests
{
    // 11010519491231002X: weighted sum of the first 17 digits is 167; 167 mod 11 = 2 -> check character 'X'.
    [Fact]
    public void Id_number_with_matching_check_character_passes()
    {
        Assert.Null(PersonalDataChecks.CheckIdNumber("11010519491231002X"));
    }

    [Fact]
    public void Id_number_check_character_x_may_be_lower_case()
    {
        Assert.Null(PersonalDataChecks.CheckIdNumber("11010519491231002x"));
    }

    [Fact]
    public void Id_number_with_one_digit_changed_fails_the_checksum()
    {
        // ...003X: sum 169, mod 11 = 4 -> expected '8', not 'X'.
        Assert.Equal("the ID number's check digit does not match (typo?)", PersonalDataChecks.CheckIdNumber("11010519491231003X"));
    }

    [Fact]
    public void Id_number_with_two_digits_swapped_fails_the_checksum()
    {
        Assert.NotNull(PersonalDataChecks.CheckIdNumber("11010519491321002X"));
    }

    [Fact]
    public void Id_number_of_seventeen_characters_is_too_short()
    {
        Assert.Equal("an ID number has 18 characters", PersonalDataChecks.CheckIdNumber("11010519491231002"));
    }

    [Fact]
    public void Id_number_with_a_letter_among_the_digits_is_rejected()
    {
        Assert.Equal("the first 17 characters of an ID number are digits", PersonalDataChecks.CheckIdNumber("1101051949123100XX"));
    }

    [Fact]
    public void Mobile_number_with_dashes_passes()
    {
        Assert.Null(PersonalDataChecks.CheckPhone("138-0013-8000"));
    }

    [Fact]
    public void Mobile_number_with_country_code_passes()
    {
        Assert.Null(PersonalDataChecks.CheckPhone("+86 138 0013 8000"));
    }

    [Fact]
    public void Landline_with_area_code_passes()
    {
        Assert.Null(PersonalDataChecks.CheckPhone("010-6512-3456"));
    }

    [Fact]
    public void Phone_with_too_few_digits_is_rejected()
    {
        Assert.Equal("a landline number has 7 to 12 digits with its area code", PersonalDataChecks.CheckPhone("02345"));
    }

    [Fact]
    public void Phone_with_too_many_digits_is_rejected()
    {
        Assert.Equal("a mobile number has 11 digits", PersonalDataChecks.CheckPhone("1380013800012"));
    }

    [Fact]
    public void Country_code_without_plus_counts_as_digits()
    {
        // "86" + 11-digit mobile without '+' is 13 digits.
        Assert.NotNull(PersonalDataChecks.CheckPhone("8613800138000"));
    }

    [Fact]
    public void Phone_with_letters_is_rejected()
    {
        Assert.Equal("a phone number has only digits, spaces, '-' and a leading '+'", PersonalDataChecks.CheckPhone("138-0013-800O"));
    }

    [Fact]
    public void Phone_with_a_plus_in_the_middle_is_rejected()
    {
        Assert.NotNull(PersonalDataChecks.CheckPhone("138+0013-8000"));
    }

    [Fact]
    public void Mobile_number_missing_a_digit_is_rejected()
    {
        Assert.NotNull(PersonalDataChecks.CheckPhone("1380013800"));
    }
}

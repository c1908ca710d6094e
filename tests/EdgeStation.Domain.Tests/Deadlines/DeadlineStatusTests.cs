using EdgeStation.Domain.Deadlines;
using EdgeStation.Domain.Tests.Support;

namespace EdgeStation.Domain.Tests.Deadlines;

public sealed class DeadlineStatusTests
{
    private static readonly DateOnly Due = Cst.Day(2026, 3, 17);

    [Fact]
    public void Days_left_counts_calendar_days_to_the_due_day_across_a_month_end()
    {
        Assert.Equal(19, new DeadlineStatus(Due, null).DaysLeft(Cst.Day(2026, 2, 26)));
    }

    [Fact]
    public void Days_left_is_zero_on_the_due_day()
    {
        Assert.Equal(0, new DeadlineStatus(Due, null).DaysLeft(Due));
    }

    [Fact]
    public void Days_left_is_negative_days_late_after_the_due_day()
    {
        Assert.Equal(-3, new DeadlineStatus(Due, null).DaysLeft(Cst.Day(2026, 3, 20)));
    }

    [Fact]
    public void Unmet_deadline_is_not_overdue_on_its_due_day()
    {
        Assert.False(new DeadlineStatus(Due, null).IsOverdue(Due));
    }

    [Fact]
    public void Unmet_deadline_is_overdue_the_day_after()
    {
        Assert.True(new DeadlineStatus(Due, null).IsOverdue(Cst.Day(2026, 3, 18)));
    }

    [Fact]
    public void Deadline_met_late_is_no_longer_overdue()
    {
        Assert.False(new DeadlineStatus(Due, Cst.Day(2026, 3, 19)).IsOverdue(Cst.Day(2026, 3, 25)));
    }

    [Fact]
    public void Deadline_met_late_is_not_on_time()
    {
        Assert.False(new DeadlineStatus(Due, Cst.Day(2026, 3, 18)).MetOnTime);
    }

    [Fact]
    public void Deadline_met_on_the_due_day_is_on_time()
    {
        Assert.True(new DeadlineStatus(Due, Due).MetOnTime);
    }

    [Fact]
    public void Unmet_deadline_is_not_on_time()
    {
        Assert.False(new DeadlineStatus(Due, null).MetOnTime);
    }
}

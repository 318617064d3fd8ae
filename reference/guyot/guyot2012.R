# The IPD reconstruction algorithm of Guyot, Ades, Ouwens & Welton (2012), BMC Med Res Methodol
# 12:9, Additional file 1 ("Guyot algorithm R code"), transcribed as a function: same steps, same
# order, same R round() and hist() binning; file reading and writing removed, the inputs and the
# counts (d, cen, n.hat) passed in and out. survkit's GuyotAlgorithm.java follows this code and
# is checked against its output (make_guyot_reference.R). Only the published logic is here: the
# checks and the deviations that survkit adds for inputs where this code fails are in Java.
#
# t.S, S        digitized points, already prepared (sorted, monotone, starting at (0, 1), a point at
#               each risk-table time); strictly increasing times (hist() needs increasing breaks)
# t.risk, n.risk   the risk table, t.risk[1] = 0
# lower, upper  per interval, first and last point index (1-based)
# tot.events    reported total number of events, or NA
guyot2012 <- function(t.S, S, t.risk, n.risk, lower, upper, tot.events = NA) {
  Nk <- length(t.S)
  nint <- length(t.risk)
  n.censor <- rep(0, (nint - 1))
  n.hat <- rep(n.risk[1] + 1, Nk)
  cen <- rep(0, Nk)
  d <- rep(0, Nk)
  KM.hat <- rep(1, Nk)
  last.i <- rep(1, nint)
  sumdL <- 0
  if (nint > 1) {
    # Time intervals 1,...,(nint-1)
    for (i in 1:(nint - 1)) {
      # First approximation of no. censored on interval i
      n.censor[i] <- round(n.risk[i] * S[lower[i + 1]] / S[lower[i]] - n.risk[i + 1])
      # Adjust tot. no. censored until n.hat = n.risk at start of interval (i+1)
      while ((n.hat[lower[i + 1]] > n.risk[i + 1]) || ((n.hat[lower[i + 1]] < n.risk[i + 1]) && (n.censor[i] > 0))) {
        if (n.censor[i] <= 0) {
          cen[lower[i]:upper[i]] <- 0
          n.censor[i] <- 0
        }
        if (n.censor[i] > 0) {
          cen.t <- rep(0, n.censor[i])
          for (j in 1:n.censor[i]) {
            cen.t[j] <- t.S[lower[i]] + j * (t.S[lower[(i + 1)]] - t.S[lower[i]]) / (n.censor[i] + 1)
          }
          # Distribute censored observations evenly over time. Find no. censored on each time interval.
          cen[lower[i]:upper[i]] <- hist(cen.t, breaks = t.S[lower[i]:lower[(i + 1)]], plot = F)$counts
        }
        # Find no. events and no. at risk on each interval to agree with K-M estimates read from curves
        n.hat[lower[i]] <- n.risk[i]
        last <- last.i[i]
        for (k in lower[i]:upper[i]) {
          if (i == 1 & k == lower[i]) {
            d[k] <- 0
            KM.hat[k] <- 1
          } else {
            d[k] <- round(n.hat[k] * (1 - (S[k] / KM.hat[last])))
            KM.hat[k] <- KM.hat[last] * (1 - (d[k] / n.hat[k]))
          }
          n.hat[k + 1] <- n.hat[k] - d[k] - cen[k]
          if (d[k] != 0) last <- k
        }
        n.censor[i] <- n.censor[i] + (n.hat[lower[i + 1]] - n.risk[i + 1])
      }
      if (n.hat[lower[i + 1]] < n.risk[i + 1]) n.risk[i + 1] <- n.hat[lower[i + 1]]
      last.i[(i + 1)] <- last
    }
  }
  # Time interval nint
  if (nint > 1) {
    # Assume same censor rate as average over previous time intervals.
    n.censor[nint] <- min(round(sum(n.censor[1:(nint - 1)]) * (t.S[upper[nint]] - t.S[lower[nint]]) /
                                  (t.S[upper[(nint - 1)]] - t.S[lower[1]])), n.risk[nint])
  }
  if (nint == 1) { n.censor[nint] <- 0 }
  if (n.censor[nint] <= 0) {
    cen[lower[nint]:(upper[nint] - 1)] <- 0
    n.censor[nint] <- 0
  }
  if (n.censor[nint] > 0) {
    cen.t <- rep(0, n.censor[nint])
    for (j in 1:n.censor[nint]) {
      cen.t[j] <- t.S[lower[nint]] + j * (t.S[upper[nint]] - t.S[lower[nint]]) / (n.censor[nint] + 1)
    }
    cen[lower[nint]:(upper[nint] - 1)] <- hist(cen.t, breaks = t.S[lower[nint]:upper[nint]], plot = F)$counts
  }
  # Find no. events and no. at risk on each interval to agree with K-M estimates read from curves
  n.hat[lower[nint]] <- n.risk[nint]
  last <- last.i[nint]
  for (k in lower[nint]:upper[nint]) {
    if (KM.hat[last] != 0) {
      d[k] <- round(n.hat[k] * (1 - (S[k] / KM.hat[last])))
    } else { d[k] <- 0 }
    KM.hat[k] <- KM.hat[last] * (1 - (d[k] / n.hat[k]))
    n.hat[k + 1] <- n.hat[k] - d[k] - cen[k]
    # No. at risk cannot be negative
    if (n.hat[k + 1] < 0) {
      n.hat[k + 1] <- 0
      cen[k] <- n.hat[k] - d[k]
    }
    if (d[k] != 0) last <- k
  }
  # If total no. of events reported, adjust no. censored so that total no. of events agrees.
  if (!is.na(tot.events)) {
    if (nint > 1) {
      sumdL <- sum(d[1:upper[(nint - 1)]])
      # If total no. events already too big, then set events and censoring = 0 on all further time intervals
      if (sumdL >= tot.events) {
        d[lower[nint]:upper[nint]] <- rep(0, (upper[nint] - lower[nint] + 1))
        cen[lower[nint]:(upper[nint] - 1)] <- rep(0, (upper[nint] - lower[nint]))
        n.hat[(lower[nint] + 1):(upper[nint] + 1)] <- rep(n.risk[nint], (upper[nint] + 1 - lower[nint]))
      }
    }
    # Otherwise adjust no. censored to give correct total no. events
    if ((sumdL < tot.events) || (nint == 1)) {
      sumd <- sum(d[1:upper[nint]])
      while ((sumd > tot.events) || ((sumd < tot.events) && (n.censor[nint] > 0))) {
        n.censor[nint] <- n.censor[nint] + (sumd - tot.events)
        if (n.censor[nint] <= 0) {
          cen[lower[nint]:(upper[nint] - 1)] <- 0
          n.censor[nint] <- 0
        }
        if (n.censor[nint] > 0) {
          cen.t <- rep(0, n.censor[nint])
          for (j in 1:n.censor[nint]) {
            cen.t[j] <- t.S[lower[nint]] + j * (t.S[upper[nint]] - t.S[lower[nint]]) / (n.censor[nint] + 1)
          }
          cen[lower[nint]:(upper[nint] - 1)] <- hist(cen.t, breaks = t.S[lower[nint]:upper[nint]], plot = F)$counts
        }
        n.hat[lower[nint]] <- n.risk[nint]
        last <- last.i[nint]
        for (k in lower[nint]:upper[nint]) {
          d[k] <- round(n.hat[k] * (1 - (S[k] / KM.hat[last])))
          KM.hat[k] <- KM.hat[last] * (1 - (d[k] / n.hat[k]))
          if (k != upper[nint]) {
            n.hat[k + 1] <- n.hat[k] - d[k] - cen[k]
            # No. at risk cannot be negative
            if (n.hat[k + 1] < 0) {
              n.hat[k + 1] <- 0
              cen[k] <- n.hat[k] - d[k]
            }
          }
          if (d[k] != 0) last <- k
        }
        sumd <- sum(d[1:upper[nint]])
      }
    }
  }
  # Form IPD: events at t.S, censorings at the midpoints, the rest censored at the last point
  t.IPD <- rep(t.S[Nk], n.risk[1])
  event.IPD <- rep(0, n.risk[1])
  k <- 1
  for (j in 1:Nk) {
    if (d[j] != 0) {
      t.IPD[k:(k + d[j] - 1)] <- rep(t.S[j], d[j])
      event.IPD[k:(k + d[j] - 1)] <- rep(1, d[j])
      k <- k + d[j]
    }
  }
  for (j in 1:(Nk - 1)) {
    if (cen[j] != 0) {
      t.IPD[k:(k + cen[j] - 1)] <- rep(((t.S[j] + t.S[j + 1]) / 2), cen[j])
      event.IPD[k:(k + cen[j] - 1)] <- rep(0, cen[j])
      k <- k + cen[j]
    }
  }
  list(d = d, cen = cen, n.hat = n.hat[1:Nk], time = t.IPD, event = event.IPD)
}

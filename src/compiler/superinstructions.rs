//! Superinstructions: the last pass over a finished code object.
//!
//! A common pair of instructions (`LoadFast x; LoadConst 1`, say) becomes
//! one dispatch: the first instruction of the pair is replaced by a fused
//! one that does both and skips the second. The second stays where it
//! was, unchanged, as CPython 3.11's superinstructions do, so the
//! instruction count, jump targets, line table and exception table all
//! stay valid: a jump to the second instruction simply runs it alone.
//!
//! Invariant: a fused instruction means exactly "run the pair"; the VM
//! may also run the pair's following operation (an int or float operator,
//! or a subscript of an exact list or tuple by an int, none of which can
//! call Python code) in the same step, which changes nothing observable.

use crate::bytecode::Instr;

/// Rewrites the first instruction of each fusable pair, left to right.
/// Pairs of loads (`LoadFast` then a load, `LoadConst` then a `LoadFast`)
/// go first: they may also absorb the operation after them, which saves
/// the most. A `StoreFast` then fuses with a `LoadFast` after it that no
/// pair has taken, and a `ForIter` with the `StoreFast` of its loop
/// variable (which still fuses with what follows it, for the runs that
/// reach it alone: a resumed generator's item is pushed, as by
/// `ForIter`). A `LoadFast` or `LoadConst` right before a `Return`
/// returns its value without the push and pop, and a `LoadConst` before
/// an operator runs it with the value under it. An `UnpackSequence n`
/// followed by `n` `StoreFast`s stores the items itself and skips them
/// all.
pub(super) fn fuse(code: &mut [Instr]) {
    let mut pc = 0;
    while pc + 1 < code.len() {
        match fused(code[pc], code[pc + 1]) {
            // A load pair that no operation absorbs gives way to the pair
            // after it when that one is absorbed: `dt * (dx * dx ...)`
            // fuses `dx, dx` with the `*`, leaving `dt` alone.
            Some(f) if is_load_pair(f) && !absorbed(code.get(pc + 2)) && absorbed_pair_at(code, pc + 1) => pc += 1,
            // A `LoadConst` takes its `LoadFast` only when that load
            // starts no pair of its own (`1, a + b` keeps `a + b` fused).
            Some(f)
                if matches!(code[pc], Instr::LoadFast(_))
                    || (matches!(f, Instr::LoadConstLoadFast(..))
                        && code.get(pc + 2).is_none_or(|&next| fused(code[pc + 1], next).is_none())) =>
            {
                code[pc] = f;
                pc += 2;
            }
            _ => pc += 1,
        }
    }
    for pc in 0..code.len().saturating_sub(1) {
        if let Instr::UnpackSequence(n) = code[pc] {
            let stores = code.get(pc + 1..=pc + n as usize).unwrap_or(&[]);
            if n > 0 && stores.len() == n as usize && stores.iter().all(|i| matches!(i, Instr::StoreFast(_))) {
                code[pc] = Instr::UnpackStoreFast(n);
            }
        } else if let (Instr::StoreFast(_) | Instr::ForIter(_) | Instr::LoadConst(_), Some(f)) = (code[pc], fused(code[pc], code[pc + 1])) {
            // A constant that a `LoadFastLoadConst` before it loads
            // already is left alone (it only runs after a jump to it).
            if !(matches!(f, Instr::LoadConstOperand(_)) && pc > 0 && matches!(code[pc - 1], Instr::LoadFastLoadConst(..))) {
                code[pc] = f;
            }
        }
    }
}

/// A fused pair of loads, which the VM may run with the operation after
/// it (`fuse_pair`).
fn is_load_pair(f: Instr) -> bool {
    matches!(f, Instr::LoadFastLoadFast(..) | Instr::LoadFastLoadConst(..) | Instr::LoadConstLoadFast(..))
}

/// Whether `next` is an operation a load pair before it runs in the same
/// step (the ones `fuse_pair` takes).
fn absorbed(next: Option<&Instr>) -> bool {
    matches!(
        next,
        Some(
            Instr::Binary(_)
                | Instr::Inplace(_)
                | Instr::Compare(_)
                | Instr::Is(_)
                | Instr::Subscr
                | Instr::StoreAttr(_)
                | Instr::StoreSubscr
        )
    )
}

/// Whether the instructions at `pc` and `pc + 1` make a load pair that
/// the operation after them absorbs.
fn absorbed_pair_at(code: &[Instr], pc: usize) -> bool {
    code.get(pc + 1).is_some_and(|&b| fused(code[pc], b).is_some_and(is_load_pair)) && absorbed(code.get(pc + 2))
}

/// The superinstruction for the pair `(a, b)`, when there is one and its
/// operands fit.
fn fused(a: Instr, b: Instr) -> Option<Instr> {
    let pair = |x: u32, y: u32| Some((u16::try_from(x).ok()?, u16::try_from(y).ok()?));
    Some(match (a, b) {
        (Instr::LoadFast(x), Instr::LoadFast(y)) => {
            let (x, y) = pair(x, y)?;
            Instr::LoadFastLoadFast(x, y)
        }
        (Instr::LoadFast(x), Instr::LoadConst(c)) => {
            let (x, c) = pair(x, c)?;
            Instr::LoadFastLoadConst(x, c)
        }
        (Instr::LoadConst(c), Instr::LoadFast(y)) => {
            let (c, y) = pair(c, y)?;
            Instr::LoadConstLoadFast(c, y)
        }
        (Instr::LoadFast(x), Instr::LoadAttr(i)) => {
            let (x, i) = pair(x, i)?;
            Instr::LoadFastLoadAttr(x, i)
        }
        (Instr::StoreFast(x), Instr::LoadFast(y)) => {
            let (x, y) = pair(x, y)?;
            Instr::StoreFastLoadFast(x, y)
        }
        (Instr::ForIter(t), Instr::StoreFast(x)) => Instr::ForIterStoreFast(u16::try_from(x).ok()?, t),
        (Instr::LoadFast(x), Instr::Return) => Instr::ReturnFast(x),
        (Instr::LoadConst(c), Instr::Return) => Instr::ReturnConst(c),
        (Instr::LoadConst(c), Instr::Binary(_) | Instr::Inplace(_) | Instr::Compare(_) | Instr::Subscr) => Instr::LoadConstOperand(c),
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bytecode::{BinOp, fused_store_target};

    #[test]
    fn pairs_fuse_and_second_halves_stay() {
        let mut code = vec![
            Instr::LoadFast(0),
            Instr::LoadConst(1),
            Instr::Binary(BinOp::Add),
            Instr::StoreFast(2),
            Instr::LoadFast(2),
            Instr::LoadFast(3),
            Instr::StoreFast(4),
            Instr::LoadFast(4),
            Instr::Return,
        ];
        fuse(&mut code);
        assert_eq!(
            code,
            vec![
                Instr::LoadFastLoadConst(0, 1),
                Instr::LoadConst(1),
                Instr::Binary(BinOp::Add),
                // The load pair wins; the store stays alone.
                Instr::StoreFast(2),
                Instr::LoadFastLoadFast(2, 3),
                Instr::LoadFast(3),
                // The load before the return fuses with it first.
                Instr::StoreFast(4),
                Instr::ReturnFast(4),
                Instr::Return,
            ]
        );
    }

    #[test]
    fn for_iter_fuses_with_its_store_which_keeps_its_own_pair() {
        let mut code = vec![Instr::ForIter(4), Instr::StoreFast(0), Instr::LoadFast(0), Instr::Jump(0), Instr::Return];
        fuse(&mut code);
        assert_eq!(
            code,
            vec![
                Instr::ForIterStoreFast(0, 4),
                Instr::StoreFastLoadFast(0, 0),
                Instr::LoadFast(0),
                Instr::Jump(0),
                Instr::Return
            ]
        );
    }

    #[test]
    fn unpack_fuses_with_exactly_its_stores() {
        let mut code = vec![
            Instr::UnpackSequence(2),
            Instr::StoreFast(0),
            Instr::StoreFast(1),
            Instr::LoadFast(1),
            Instr::UnpackSequence(2),
            Instr::StoreFast(0),
            Instr::StoreAttr(0),
        ];
        fuse(&mut code);
        assert_eq!(code[0], Instr::UnpackStoreFast(2));
        assert_eq!(code[2], Instr::StoreFastLoadFast(1, 1));
        assert_eq!(fused_store_target(code[2]), 1);
        assert_eq!(code[4], Instr::UnpackSequence(2));
    }

    #[test]
    fn a_constant_takes_a_load_that_starts_no_pair() {
        let mut code = vec![
            Instr::LoadConst(0),
            Instr::LoadFast(1),
            Instr::Binary(BinOp::Mul),
            Instr::LoadConst(2),
            Instr::LoadFast(3),
            Instr::LoadFast(4),
            Instr::Binary(BinOp::Add),
        ];
        fuse(&mut code);
        assert_eq!(code[0], Instr::LoadConstLoadFast(0, 1));
        assert_eq!(code[1], Instr::LoadFast(1));
        assert_eq!(code[3], Instr::LoadConst(2));
        assert_eq!(code[4], Instr::LoadFastLoadFast(3, 4));
    }

    #[test]
    fn a_pair_that_an_operator_absorbs_wins_over_one_before_it() {
        // `dt * (dx * dx)`
        let mut code = vec![Instr::LoadFast(0), Instr::LoadFast(1), Instr::LoadFast(1), Instr::Binary(BinOp::Mul), Instr::Binary(BinOp::Mul)];
        fuse(&mut code);
        assert_eq!(code[0], Instr::LoadFast(0));
        assert_eq!(code[1], Instr::LoadFastLoadFast(1, 1));
        // `a, b, c` with nothing to absorb: left to right as before.
        let mut code = vec![Instr::LoadFast(0), Instr::LoadFast(1), Instr::LoadFast(2), Instr::BuildTuple(3)];
        fuse(&mut code);
        assert_eq!(code[0], Instr::LoadFastLoadFast(0, 1));
    }

    #[test]
    fn operands_too_wide_do_not_fuse() {
        let mut code = vec![Instr::LoadFast(70_000), Instr::LoadConst(1)];
        fuse(&mut code);
        assert_eq!(code, vec![Instr::LoadFast(70_000), Instr::LoadConst(1)]);
    }
}

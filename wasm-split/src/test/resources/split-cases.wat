;; Functions written so that splitting at a tiny target moves loops, switch arms, returns and traps
;; into functions of their own. SplitterTest runs every export before and after splitting.
(module
  (memory 1)
  ;; global 0 looks like clang's __stack_pointer, so the splitter moves it into memory and hands
  ;; locals back through memory; SplitterTest also assembles the module with a top the splitter
  ;; does not recognise (not 16-aligned) to cover the globals fallback.
  (global $sp (mut i32) (i32.const 65536)) ;; stack-pointer
  (global $counter (mut i32) (i32.const 0))

  ;; A switch in a loop, like SQLite's VDBE: arms fall through, continue the loop, return early,
  ;; or leave the loop; locals live across iterations.
  (func $machine (export "machine") (param $n i32) (param $seed i32) (result i32)
    (local $pc i32) (local $acc i32) (local $wide i64) (local $f f64)
    (local.set $acc (local.get $seed))
    (block $done
      (loop $next
        (br_if $done (i32.ge_s (local.get $pc) (local.get $n)))
        (block $op3
          (block $op2
            (block $op1
              (block $op0
                (br_table $op0 $op1 $op2 $op3 $done (i32.rem_u (i32.add (local.get $pc) (local.get $seed)) (i32.const 5))))
              ;; op0: arithmetic on a wide local
              (local.set $wide (i64.add (local.get $wide) (i64.extend_i32_s (local.get $acc))))
              (local.set $acc (i32.add (i32.mul (local.get $acc) (i32.const 31)) (i32.const 7)))
              (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
              (br $next))
            ;; op1: memory and a float
            (i32.store (i32.and (local.get $acc) (i32.const 1020)) (local.get $pc))
            (local.set $f (f64.add (local.get $f) (f64.convert_i32_s (local.get $acc))))
            (local.set $acc (i32.xor (local.get $acc) (i32.load (i32.const 8))))
            (if (i32.gt_u (local.get $acc) (i32.const 4000000000))
              (then (return (i32.const -1))))
            (local.set $pc (i32.add (local.get $pc) (i32.const 1)))
            (br $next))
          ;; op2: an inner loop
          (block $inner_done
            (loop $inner
              (br_if $inner_done (i32.eqz (i32.and (local.get $acc) (i32.const 7))))
              (local.set $acc (i32.shr_u (local.get $acc) (i32.const 1)))
              (global.set $counter (i32.add (global.get $counter) (i32.const 1)))
              (br $inner)))
          (local.set $pc (i32.add (local.get $pc) (i32.const 2)))
          (br $next))
        ;; op3: falls out of the switch to the loop's tail
        (local.set $acc (i32.add (local.get $acc) (i32.wrap_i64 (local.get $wide))))
        (local.set $pc (i32.add (local.get $pc) (i32.const 3)))
        (br $next)))
    (i32.add (i32.add (local.get $acc) (i32.trunc_f64_s (f64.div (local.get $f) (f64.const 16))))
      (i32.add (global.get $counter) (i32.wrap_i64 (i64.shr_u (local.get $wide) (i64.const 7))))))

  ;; Traps inside a region: division by zero and unreachable, depending on the input.
  (func $traps (export "traps") (param $x i32) (result i32)
    (local $y i32)
    (local.set $y (i32.add (local.get $x) (i32.const 1)))
    (if (i32.eq (local.get $x) (i32.const 3)) (then (unreachable)))
    (local.set $y (i32.div_s (i32.const 100) (i32.sub (local.get $x) (i32.const 5))))
    (local.set $y (i32.add (local.get $y) (local.get $x)))
    (local.get $y))

  ;; Recursion: a region calls back into its own function, so the out-globals are re-entered.
  (func $fib (export "fib") (param $n i32) (result i64)
    (local $a i64) (local $b i64)
    (if (i32.lt_s (local.get $n) (i32.const 2))
      (then (return (i64.extend_i32_s (local.get $n)))))
    (local.set $a (call $fib (i32.sub (local.get $n) (i32.const 1))))
    (local.set $b (call $fib (i32.sub (local.get $n) (i32.const 2))))
    (local.set $a (i64.add (local.get $a) (local.get $b)))
    (local.set $b (i64.mul (local.get $a) (i64.const 1)))
    (local.get $b))

  ;; A void function whose regions branch to the function's own label.
  (func $fill (export "fill") (param $from i32) (param $count i32)
    (local $i i32)
    (block $out
      (loop $again
        (br_if $out (i32.ge_u (local.get $i) (local.get $count)))
        (i32.store8 (i32.add (local.get $from) (local.get $i)) (i32.add (local.get $i) (i32.const 65)))
        (if (i32.eq (local.get $i) (i32.const 40)) (then (return)))
        (local.set $i (i32.add (local.get $i) (i32.const 1)))
        (br $again))))
  (func $peek (export "peek") (param $at i32) (result i32)
    (i32.load (local.get $at)))

  ;; A value-carrying block: regions must not branch out of it with values (left whole).
  (func $valued (export "valued") (param $x i32) (result i32)
    (local $t i32)
    (block $b (result i32)
      (local.set $t (i32.mul (local.get $x) (local.get $x)))
      (drop (br_if $b (local.get $t) (i32.gt_s (local.get $x) (i32.const 10))))
      (local.set $t (i32.add (local.get $t) (i32.const 1)))
      (local.set $t (i32.add (local.get $t) (i32.const 2)))
      (local.get $t)))

  ;; C-style stack frames through global 0: recursion pushes and pops 16-byte frames.
  (func $frames (export "frames") (param $n i32) (result i32)
    (local $fp i32) (local $r i32)
    (local.set $fp (i32.sub (global.get $sp) (i32.const 16)))
    (global.set $sp (local.get $fp))
    (i32.store (local.get $fp) (local.get $n))
    (if (i32.gt_s (local.get $n) (i32.const 0))
      (then (local.set $r (call $frames (i32.sub (local.get $n) (i32.const 1))))))
    ;; depends only on the frame's contents and on the stack being balanced by the callee
    (local.set $r (i32.add (local.get $r)
      (i32.add (i32.load (local.get $fp)) (i32.sub (global.get $sp) (local.get $fp)))))
    (global.set $sp (i32.add (local.get $fp) (i32.const 16)))
    (local.get $r))
  ;; SWITCH (SplitterTest puts a generated 20-arm switch here)
)
